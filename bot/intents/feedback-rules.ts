/**
 * Negative feedback about the bot's answers ("trả lời sai", "không đúng", "vô dụng"): a
 * handoff trigger. Kept deliberately narrow: a short message (feedback, not a question that
 * happens to contain "không đúng hạn") made mostly of such a phrase. Folded, so typed with or
 * without accents.
 */
import { foldDiacritics } from '../../knowledge/language/normalize.ts';

const PHRASES = [
  'tra loi sai', 'sai roi', 'sai bet', 'sai het', 'noi sai', 'thong tin sai', 'sai thong tin',
  'khong dung', 'khong chinh xac', 'chua dung', 'chua chinh xac',
  'vo dung', 'vo ich', 'toi te', 'te qua', 'kem qua', 'ngu qua', 'bot ngu', 'do ngu',
  'khong giup duoc gi', 'chang giup duoc gi', 'khong giup gi', 'tra loi linh tinh', 'linh tinh', 'lung tung',
  'khong lien quan', 'khong phai cai toi hoi', 'khong dung y', 'hoi mot dang tra loi mot neo',
];

/** At most this many words: longer messages are questions, not feedback. */
const MAX_WORDS = 9;

export function isNegativeFeedback(text: string): boolean {
  const folded = ` ${foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const words = folded.trim().split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return PHRASES.some((phrase) => folded.includes(` ${phrase} `));
}
