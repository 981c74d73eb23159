/**
 * Words that frame a question without naming anything ("cho tôi hỏi", "như thế nào", "bao
 * nhiêu"). Dropped from the question's single-syllable terms; its syllable pairs are kept, so
 * a frame word that is part of a name ("thế chấp") still counts through its pair.
 */
const FRAME_WORDS = new Set([
  'toi', 'ban', 'minh', 'em', 'anh', 'chi', 'ong', 'ba', 'chung',
  'a', 'oi', 'nhe', 'nha', 'vay', 'the', 'thi', 'la', 'ma', 'nao', 'gi', 'bao', 'nhieu', 'khong', 'duoc',
  'co', 'cho', 'hoi', 'xin', 'muon', 'can', 'phai', 'nhung', 'cac', 'nay', 'do', 'de', 've', 'va', 'voi', 'cua',
  'nhu', 'neu', 'khi', 'thi', 'se', 'da', 'dang', 'hay', 'hoac', 'trong', 'tai', 'o', 'tu', 'den', 'theo',
  'duoc', 'bi', 'mot', 'nguoi', 'viec', 'lam', 'sao', 'biet', 'de nghi',
]);

export function isQueryFrameWord(folded: string): boolean {
  return FRAME_WORDS.has(folded);
}
