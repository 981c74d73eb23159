/**
 * Taxes and charges that are procedures of their own (vocabulary/levies.json). "Lệ phí trước bạ
 * xe máy bao nhiêu" asks about the procedure that declares lệ phí trước bạ, not about the vehicle's
 * registration; and that declaring procedure's own fee ("miễn phí") is not the charge it declares.
 */
import { accentedPhrase, foldedPhrase } from './normalize.ts';
import { questionSentence, withoutStepsDone } from './question-sentence.ts';
import { LEVIES } from './vocabulary.ts';

const PHRASES = Object.entries(LEVIES.levies).map(([levy, said]) => ({
  levy,
  name: said.name.map(accentedPhrase),
  message: said.message.map(foldedPhrase),
}));
const ASKED_AFTER = new Set(LEVIES.askedAfter.map((word) => foldedPhrase(word).trim()));
const AMOUNT_WORDS = LEVIES.amountWords.map(foldedPhrase);
/** How many syllables before or after a levy a paying or declaring word may stand ("phải đóng thêm lệ phí trước bạ", "thuế tncn 2% ai đóng"). */
const ASKED_WINDOW = 4;

/**
 * The levies a message asks about: said in its question sentence (not in a step told as done)
 * beside a paying or declaring word ("đóng", "khai", "nộp" …), or in a question about fees or an
 * amount ("bao nhiêu", "mấy phần trăm"). "Sổ còn ghi nợ tiền sử dụng đất thì bán được không" asks none.
 */
export function leviesAsked(typed: string, options: { asksFee?: boolean } = {}): string[] {
  const sentence = foldedPhrase(questionSentence(withoutStepsDone(typed)));
  const asksAmount = options.asksFee === true || AMOUNT_WORDS.some((words) => sentence.includes(words));
  const syllables = sentence.trim().split(' ');
  const said: string[] = [];
  const asked: string[] = [];
  for (const { levy, message } of PHRASES) {
    for (const phrase of message) {
      const at = syllableIndexes(sentence, phrase);
      if (at.length === 0) continue;
      said.push(levy);
      const length = phrase.trim().split(' ').length;
      const beside = (start: number) => [...syllables.slice(Math.max(0, start - ASKED_WINDOW), start), ...syllables.slice(start + length, start + length + ASKED_WINDOW)];
      if (asksAmount || at.some((start) => saysAskedWord(beside(start)))) {
        asked.push(levy);
        break;
      }
    }
  }
  // One levy asked, the others said beside it are asked too ("có mất thuế TNCN với trước bạ không").
  return asked.length > 0 ? [...new Set(said)] : [];
}

/** One of the paying or declaring words (one syllable or two) among the words. */
function saysAskedWord(words: readonly string[]): boolean {
  return words.some((word, i) => ASKED_AFTER.has(word) || (i > 0 && ASKED_AFTER.has(`${words[i - 1]} ${word}`)));
}

/** The syllable positions where a padded phrase starts in a padded text. */
function syllableIndexes(padded: string, phrase: string): number[] {
  const out: number[] = [];
  for (let from = padded.indexOf(phrase); from !== -1; from = padded.indexOf(phrase, from + 1)) {
    out.push(padded.slice(0, from + 1).trim().split(' ').filter(Boolean).length);
  }
  return out;
}

const nameLevies = new Map<string, string[]>();

/** The levies a procedure's name says ("Khai lệ phí trước bạ nhà, đất" → lệ phí trước bạ), read with its accents. */
export function leviesOfName(name: string): string[] {
  let levies = nameLevies.get(name);
  if (!levies) {
    const padded = accentedPhrase(name);
    levies = PHRASES.filter(({ name: phrases }) => phrases.some((phrase) => padded.includes(phrase))).map(({ levy }) => levy);
    nameLevies.set(name, levies);
  }
  return levies;
}

/** Whether a procedure's name declares one of the levies asked. */
export function declaresAny(levies: readonly string[], name: string): boolean {
  return leviesOfName(name).some((levy) => levies.includes(levy));
}

const GENERAL = LEVIES.generalName.map(accentedPhrase);

/**
 * Whether a procedure's name rules it out for the levies asked: it declares none of them, and it
 * is not about a tax in general either ("Khai quyết toán thuế …" may be the personal income tax's).
 */
export function declaresNoneOf(levies: readonly string[], name: string): boolean {
  if (declaresAny(levies, name)) return false;
  if (leviesOfName(name).length > 0) return true;
  const padded = accentedPhrase(name);
  return !GENERAL.some((phrase) => padded.includes(phrase));
}
