/**
 * Words that carry no topic: pronouns, particles, question frames, generic verbs. What is left
 * of a message once these and the intent phrases are gone is its topic — the words that may
 * name a procedure.
 *
 * Accented stop words only match the same accented token. Text typed without accents is
 * ambiguous ("can" = cần / căn, "ban" = bạn / bản, "do" = đó / đỏ), so unaccented tokens are
 * matched against a separate, explicit list of forms that are safe to drop; a looser list adds
 * frame words that are usually, not always, empty ("toi", "lam", "can") — used only to judge
 * whether a message names anything, never to build the retrieval query.
 */
import type { Token } from './message-tokens.ts';

const ACCENTED = new Set([
  // pronouns and address
  'tôi', 'mình', 'em', 'anh', 'chị', 'bạn', 'ad', 'admin', 'bot', 'ông', 'bà', 'cô', 'chú', 'bác', 'cháu', 'tớ', 'tui',
  'chúng', 'họ', 'mọi', 'người', 'ai',
  // particles and question frames
  'ạ', 'à', 'ơi', 'nhé', 'nha', 'nhá', 'vậy', 'thế', 'thì', 'là', 'mà', 'hả', 'hở', 'nhỉ', 'chứ', 'đây', 'đấy', 'ấy',
  'không', 'có', 'được', 'chưa', 'rồi', 'đã', 'sẽ', 'đang', 'vẫn', 'còn', 'cũng', 'nữa', 'luôn',
  'gì', 'nào', 'đâu', 'bao', 'nhiêu', 'mấy',
  'và', 'với', 'hoặc', 'hay', 'của', 'cho', 'để', 'về', 'nếu', 'khi', 'từ', 'tại', 'ở', 'ra', 'vào', 'lên',
  'này', 'đó', 'kia', 'các', 'những', 'cái', 'việc', 'chiếc',
  // asking and wanting
  'hỏi', 'xin', 'muốn', 'cần', 'phải', 'định', 'sắp', 'giúp', 'vui', 'lòng', 'làm', 'ơn', 'biết', 'thông', 'tin',
  'thủ', 'tục', 'như', 'gồm', 'hết', 'tốn', 'xong',
  // verbs that frame any procedure
  'đi', 'tới', 'nộp', 'mang', 'lo', 'hướng', 'dẫn',
]);

/** Unaccented forms that are never part of a procedure's name. */
const FOLDED_SAFE = new Set([
  'a', 'oi', 'nhe', 'nha', 'nhi', 'khong', 'duoc', 'chua', 'roi', 'se', 'nua', 'luon', 'gi', 'nao', 'nhieu', 'va', 'voi',
  'hoac', 'cua', 'neu', 'nay', 'cac', 'nhung', 'xin', 'muon', 'giup', 'vui', 'biet', 'minh', 'tui', 'admin', 'bot', 'vay',
  'thi', 'la', 'ma', 'day', 'ay', 'ha', 'ai', 'xong', 'het',
]);

/** Unaccented frame words that are usually empty but could belong to a name. */
const FOLDED_LOOSE = new Set([
  'toi', 'ban', 'em', 'anh', 'chi', 'cho', 'co', 'lam', 'can', 'hoi', 'the', 'con', 'de', 've', 'tai', 'ra',
  'vao', 'cai', 'viec', 'mot', 'moi', 'nguoi', 'phai', 'dinh', 'da', 'tuc', 'may', 'sao',
  'nhu', 'gom', 'tin', 'thong', 'di', 'nop', 'mang', 'ton', 'khi', 'mat',
]);

/** Compounds with a word that is otherwise a stop word ("trẻ em", "người nước ngoài"). Folded. */
const COMPOUNDS = ['tre em', 'con em', 'ban than', 'nguoi nuoc ngoai', 'nguoi khuyet tat', 'nguoi cao tuoi', 'nguoi lao dong'].map((c) => c.split(' '));

/** True when the token at `index` is part of a compound spelled out by the tokens around it. */
export function inCompound(tokens: readonly Token[], index: number): boolean {
  return COMPOUNDS.some((words) =>
    words.some((word, offset) => {
      if (word !== tokens[index]!.folded) return false;
      const start = index - offset;
      return start >= 0 && words.every((w, k) => tokens[start + k]?.folded === w);
    }),
  );
}

/**
 * True when a token carries no topic. `loose` also drops unaccented frame words that are only
 * usually empty (to judge whether a message names anything at all).
 */
export function isStopWord(token: Token, loose = false): boolean {
  if (ACCENTED.has(token.raw)) return true;
  if (token.raw !== token.folded) return false; // accented, and not an accented stop word
  if (FOLDED_SAFE.has(token.folded)) return true;
  return loose && FOLDED_LOOSE.has(token.folded);
}
