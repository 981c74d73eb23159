/**
 * Close options the message itself tells apart. When the decision model finds two to four
 * procedures alike ("Đăng ký phương tiện lần đầu đối với phương tiện đang khai thác…", "… chưa
 * khai thác…"), the words that set each one apart from the others decide: the option whose own
 * words the message says, a good share of them, while it says none of the words that set any
 * other option apart, is the one meant. A message that says words of two options, or of none,
 * stays a choice. The plain option beside specialised ones ("Đăng ký kết hôn" beside "… lưu
 * động", "… có yếu tố nước ngoài") is meant only when it is the most likely, the message says
 * none of the others' words even through its citizen phrases ("thế chấp" is "biện pháp bảo
 * đảm"), and tells of no special case in its own words (a loss, an error, a foreigner:
 * vocabulary/special-cases.json). Names alike word for word are told apart by the pairs of
 * words only one has ("không phải đánh giá"); a clause telling of a step already done ("đã đăng
 * ký kết hôn rồi") is background and tells nothing apart. Another option's word rules an option
 * out only when said as that option's word: not inside another word of the trade ("hạn" of "thời
 * hạn" beside "gia hạn"; the catalog's names tell which two words go together) nor as a pronoun
 * ("em" beside "trẻ em"). What the paper is for ("để bổ sung hồ sơ") asks for no action. The
 * first issue is the plain case ("Cấp mới thẻ ABTC" for "cấp thẻ ABTC"). A copy of a record
 * asked ("bản sao") is how a lost paper is had again: the loss asks for no other reissue. An
 * action the question asks — in its last sentence, in its words or its citizen phrases' ("ghi
 * sai … sửa lại" of a birth record is a "cải chính") — rules out every option without it, whatever
 * else of that option the message says; an action told in an earlier sentence is the story. An
 * option's own words count as said through a phrase read in its context too ("mới đóng" of a
 * boat is "chưa khai thác", a Japanese boyfriend "có yếu tố nước ngoài").
 */
import { foldedKey, foldedPhrase, hasDiacritics, syllables } from '../../knowledge/language/normalize.ts';
import { wordSayer, type WordSayer } from '../../knowledge/language/said-words.ts';
import { contextualWordings, synonymRewrites } from '../../knowledge/language/citizen-phrases.ts';
import { spelledOutName } from '../../knowledge/language/abbreviations.ts';
import { SPECIAL_CASES } from '../../knowledge/language/vocabulary.ts';
import { saysAsSpelt } from '../../knowledge/language/spelt-phrase.ts';
import { actionQuestionsOf, questionAsksFor, SPECIFIC_ACTIONS, type ActionQuestion } from '../../knowledge/language/name-actions.ts';
import { questionSentence, withoutStepsDone } from '../../knowledge/language/question-sentence.ts';

/** Share of an option's own words (against each other option) the message must say. */
const MIN_OWN_SHARE = 0.25;

/**
 * Words that tell no option apart however the names differ: particles and prepositions a
 * question uses anyway ("có … không", "của", "cho"), and the frame of a name ("thủ tục"). As the
 * names spell them: the "đối" of "đối với" tells nothing apart, the "đổi" of "cấp đổi" does.
 */
const NEUTRAL = new Set(['không', 'có', 'được', 'của', 'và', 'các', 'những', 'cho', 'với', 'là', 'thì', 'mà', 'hoặc', 'tại', 'ở', 'theo', 'thủ', 'tục', 'đối', 'trong', 'về', 'việc']);

/** Phrases that hold a cue's syllables and tell of no special case ("mất bao lâu"), as folded syllables. */
const NOT_CUES = SPECIAL_CASES.notCues.map((phrase) => foldedKey(phrase).split(' '));

/** The special cases a message tells of, as their folded cues: each cue said as spelt, outside the phrases that are no cue ("mất bao lâu"). */
function specialCasesTold(typed: string): string[] {
  const accented = syllables(typed);
  const folded = accented.map(foldedKey);
  for (const phrase of NOT_CUES) {
    for (let i = 0; i + phrase.length <= folded.length; i++) {
      if (phrase.every((syllable, j) => folded[i + j] === syllable)) for (let j = 0; j < phrase.length; j++) accented[i + j] = folded[i + j] = '·';
    }
  }
  const text = { accented: ` ${accented.join(' ')} `, folded: ` ${folded.join(' ')} ` };
  return SPECIAL_CASES.cues.filter((cue) => saysAsSpelt(text, cue)).map(foldedKey);
}

/** Words a message uses for people as often as for what a name says ("em" beside "trẻ em"); typed without accents, their folded forms. */
const PRONOUNS = new Set(['em', 'anh', 'chị', 'tôi', 'mình', 'ông', 'bà', 'con', 'cháu', 'bác', 'chú', 'cô', 'bạn']);
const PRONOUNS_UNACCENTED = new Set([...PRONOUNS].map(foldedKey));

const NEUTRAL_UNACCENTED = new Set([...NEUTRAL].map(foldedKey));

/** A syllable as typed that may be a pronoun, or a neutral word typed without accents ("co" for "có"): a word of a name only beside its neighbour there. */
function ambiguousAlone(typed: string): boolean {
  const word = typed.toLowerCase();
  if (PRONOUNS.has(word)) return true;
  return !hasDiacritics(word) && (PRONOUNS_UNACCENTED.has(word) || NEUTRAL_UNACCENTED.has(word));
}

/** The first issue is the plain case: a citizen asking for "thẻ ABTC" means "Cấp mới thẻ ABTC". */
const FIRST_ISSUE = /(?<=(?<!\p{L})cấp )mới(?!\p{L})/giu;

/** A reissue, and a copy of a record: as a name says it ("bản sao", "cấp sao bản án"), as a question asks for it ("xin sao lại bản án"). */
const REISSUE_ASKED = 'cap lai';
const COPY_IN_NAME = ['ban sao', 'cap sao'];
const COPY_ASKED = ['ban sao', 'cap sao', 'xin sao', 'sao y', 'sao lai ban', 'sao lai giay', 'sao lai quyet dinh', 'sao lai so'];

/** An expiry told ("sắp hết hạn", "quá hạn"), as typed with or without accents. */
const EXPIRY_CUES = /(?<!\p{L})(?:hết|het|quá|qua)\s+(?:hạn|han)(?!\p{L})/giu;

/** The exchange of a paper, as a question asks for it. */
const EXCHANGE_ASKED = 'cap doi';

/** A level said in brackets ("(thực hiện tại cấp tỉnh)") is not what the citizen tells apart. */
const LEVEL_NOTE = /\((?:thực hiện )?(?:tại )?(?:cấp|ở cấp) [^)]*\)/giu;
/** What a name excepts: "(trừ sản xuất thuốc thú y dạng dược phẩm, vắc xin)", up to its bracket. */
const EXCEPTION = /(?<!\p{L})trừ(?!\p{L})[^)]*\)?/giu;

/** A name's words as spelt, the neutral ones left out. */
function wordsOf(text: string): Set<string> {
  return new Set(syllables(text).filter((word) => !NEUTRAL.has(word.toLowerCase())));
}

interface NameWords {
  /** The name's words, its exception left out. */
  own: Set<string>;
  /** Words of what the name excepts, and not otherwise in it: a message saying one means another procedure. */
  excepted: string[];
  /** The pairs of words in a row of what it excepts, folded ("mo to"): an excepted word is said beside its neighbour there. */
  exceptedPairs: Set<string>;
  /** Its pairs of words in a row, folded. */
  pairs: Set<string>;
  /** The whole name folded and padded (foldedPhrase), for phrases it says. */
  folded: string;
}

function nameWords(name: string): NameWords {
  // Acronyms spelt out, as the message's own are: "thẻ BHYT" beside "thẻ bảo hiểm y tế" is no difference.
  const plain = (spelledOutName(name) ?? name).replace(LEVEL_NOTE, ' ').replace(FIRST_ISSUE, ' ');
  const own = wordsOf(plain.replace(EXCEPTION, ' '));
  const exception = (plain.match(EXCEPTION) ?? []).join(', ');
  const excepted = [...wordsOf(exception)].filter((w) => w !== 'trừ' && !own.has(w));
  return { own, excepted, exceptedPairs: wordPairs(exception), pairs: wordPairs(plain), folded: foldedPhrase(name) };
}

/**
 * A clause telling what the paper is for ("để bổ sung hồ sơ xin việc"), up to the clause's end or
 * "thì": the action it names is not the one asked ("bổ sung" there is not "Bổ sung …").
 */
const PURPOSE = /(?<!\p{L})(?:để|de(?! nghi| xuat| an(?!\p{L})| tai(?!\p{L})))(?!\p{L})[^,.;!?]*?(?=(?<!\p{L})(?:thì|thi)(?!\p{L})|[,.;!?]|$)/giu;

/** The specific actions any of these readings of a message asks for. */
function actionsAskedIn(questions: readonly ActionQuestion[]): string[] {
  return SPECIFIC_ACTIONS.filter((action) => questions.some((question) => questionAsksFor(question, action)));
}

/** Each two words in a row, folded ("khong phai"). */
function wordPairs(text: string): Set<string> {
  const words = syllables(foldedKey(text));
  return new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
}

/**
 * Index of the one option (procedure names, most likely first) the message — its words as typed —
 * tells apart from every other, or null.
 */
export interface ToldApartOptions {
  /** Whether two folded words in a row are one word of the trade ("thoi han"); none are by default. */
  isCompound?: (pair: string) => boolean;
  /**
   * How many of an option's own words the message must say: a good share (MIN_OWN_SHARE), or
   * only one, when the most likely option is a clear favourite and only that one can be chosen.
   */
  ownWordsNeeded?: 'share' | 'one';
}

export function toldApart(message: string, names: readonly string[], options: ToldApartOptions = {}): number | null {
  const { isCompound = () => false, ownWordsNeeded = 'share' } = options;
  if (names.length < 2) return null;
  const typed = withoutStepsDone(message);
  const said = syllables(typed);
  const foldedSaid = said.map(foldedKey);
  // A word typed without accents that both names share is not the other spelling in one name:
  // "dung" of "xây dựng" is not the "dùng" of "dùng chung".
  const notShared = (shared: ReadonlySet<string>) => (folded: string) => ![...shared].some((w) => foldedKey(w) === folded);
  const sayer = wordSayer(said);
  // A word the message says only inside another word is not said: "hạn" of "thời hạn" is not the
  // "hạn" of "gia hạn", the pronoun "em" is not the "em" of "trẻ em", unaccented "co" is "có"
  // before it is "cơ" of "cơ quan". Inside another word of the trade counts only against other options.
  const inItsWord = (word: string, x: number, tradeWords: boolean) => {
    const folded = foldedKey(word);
    return foldedSaid.some((s, i) => {
      if (s !== folded) return false;
      const left = i > 0 ? `${foldedSaid[i - 1]} ${folded}` : null;
      const right = i + 1 < foldedSaid.length ? `${folded} ${foldedSaid[i + 1]}` : null;
      const pairs = words[x]!.pairs;
      if ((left !== null && pairs.has(left)) || (right !== null && pairs.has(right))) return true;
      if (ambiguousAlone(said[i]!)) return false;
      return !tradeWords || !((left !== null && isCompound(left)) || (right !== null && isCompound(right)));
    });
  };
  const says = (word: string, shared: ReadonlySet<string>) => sayer(word, notShared(shared));
  // An option's own words said through a phrase read in its context ("mới đóng" of a boat: "chưa khai thác").
  const inContext = wordSayer(contextualWordings(typed).flatMap((wording) => syllables(wording)));
  // What the plain option must not be beside: the others' words said through citizen phrases too.
  let rewritten: WordSayer | undefined;
  const mentions = (word: string, shared: ReadonlySet<string>, y: number) => {
    if (says(word, shared) && inItsWord(word, y, true)) return true;
    // Only the words the rewrites add: the rest is the message again, said as above.
    rewritten ??= wordSayer(synonymRewrites(typed).flatMap((text) => syllables(text).filter((w) => !foldedSaid.includes(foldedKey(w)))));
    return rewritten(word, notShared(shared));
  };
  // A special case the message tells of, unless the plain option's own name says it ("… có yếu tố nước ngoài").
  const foldedMessage = foldedPhrase(typed);
  const cues = specialCasesTold(typed);
  // A message asking for a renewal, a reissue… is told apart by that action, which the name must have.
  const unpurposed = typed.replace(PURPOSE, ' ');
  const asked = actionsAskedIn(actionQuestionsOf(unpurposed));
  const words = names.map(nameWords);
  // A name opening with "Đổi" or saying "thay đổi" has the exchange asked as "cấp đổi".
  const hasAction = (x: number, action: string) =>
    words[x]!.folded.includes(` ${foldedKey(action)} `) ||
    (action === EXCHANGE_ASKED && words[x]!.own.has('đổi')) ||
    // A copy of a record is how a lost paper is had again ("mất giấy khai sinh, xin bản sao").
    (action === REISSUE_ASKED && COPY_IN_NAME.some((copy) => words[x]!.folded.includes(` ${copy} `)) && COPY_ASKED.some((copy) => foldedMessage.includes(` ${copy} `)));
  // An expiry no option renews tells none apart: "sắp hết hạn đăng kiểm" asks for the periodic
  // inspection again. A reissue asked by name or by a loss still rules out every option without it.
  const notHad = asked.filter((action) => !names.some((_, x) => hasAction(x, action)));
  const beyondExpiry = notHad.length > 0 ? actionsAskedIn(actionQuestionsOf(unpurposed.replace(EXPIRY_CUES, ' '), unpurposed)) : [];
  const hadAsked = asked.filter((action) => !notHad.includes(action) || beyondExpiry.includes(action));
  const hasAsked = (x: number) => hadAsked.length === 0 || hadAsked.some((action) => hasAction(x, action));
  const tellsSpecialBeside = (x: number) => cues.some((cue) => !words[x]!.folded.includes(` ${cue} `));
  const saidPairs = wordPairs(typed);
  const own = (a: number, b: number) => [...words[a]!.own].filter((w) => !words[b]!.own.has(w));
  // Names alike word for word, told apart by a small word's place ("… phải đánh giá rủi ro" beside
  // "… không phải đánh giá rủi ro"): the pairs of words only one of them has.
  const apartByPairs = (x: number, y: number) => {
    const mine = [...words[x]!.pairs].filter((p) => !words[y]!.pairs.has(p));
    const theirs = [...words[y]!.pairs].filter((p) => !words[x]!.pairs.has(p));
    return mine.some((p) => saidPairs.has(p)) && !theirs.some((p) => saidPairs.has(p));
  };
  const apart = (x: number, y: number) => {
    const shared = new Set([...words[x]!.own].filter((w) => words[y]!.own.has(w)));
    const theirs = own(y, x);
    const mine = own(x, y);
    if (mine.length === 0 && theirs.length === 0) return apartByPairs(x, y);
    // The plain option (its words all the other's too).
    if (mine.length === 0) return x === 0 && !tellsSpecialBeside(x) && !theirs.some((w) => mentions(w, shared, y));
    // Another option's word said in its own word rules this one out; this option's words count
    // however they are said ("làm lại" says the "lại" of "cấp lại").
    if (theirs.some((w) => says(w, shared) && inItsWord(w, y, true))) return false;
    const saidOwn = mine.filter((w) => (says(w, shared) && inItsWord(w, x, false)) || inContext(w, notShared(shared))).length;
    return ownWordsNeeded === 'one' ? saidOwn > 0 : saidOwn / mine.length >= MIN_OWN_SHARE;
  };
  // An excepted word said beside its neighbour there, if it has one: the "tô" of "ô tô" is not the "mô tô" excepted.
  const besideItsNeighbour = (x: number, word: string) => {
    const folded = foldedKey(word);
    const pairs = [...words[x]!.exceptedPairs].filter((pair) => pair.split(' ').includes(folded) && !pair.startsWith('tru '));
    return pairs.length === 0 || pairs.some((pair) => saidPairs.has(pair));
  };
  const exceptsSaid = (x: number) => words[x]!.excepted.some((w) => says(w, words[x]!.own) && besideItsNeighbour(x, w));
  // An option without the action the question itself asks is out, whatever of its words the message
  // says ("tên trong giấy khai sinh bị ghi sai. Giờ muốn sửa lại thì …" is no "Đăng ký khai sinh");
  // an action told in an earlier sentence ("… đi đăng ký lại khai sinh. Có phải chứng thực chữ ký
  // không?") is the story, not the question.
  const inQuestion = actionsAskedIn(actionQuestionsOf(questionSentence(unpurposed), unpurposed));
  const askedInQuestion = hadAsked.filter((action) => inQuestion.includes(action));
  const ruledOut = (y: number) => askedInQuestion.length > 0 && !askedInQuestion.some((action) => hasAction(y, action));
  const chosen = names.flatMap((_, x) => (hasAsked(x) && !exceptsSaid(x) && names.every((_, y) => y === x || ruledOut(y) || apart(x, y)) ? [x] : []));
  if (chosen.length !== 1) return null;
  // One own word said is enough only for the favourite, the most likely option.
  return ownWordsNeeded === 'one' && chosen[0] !== 0 ? null : chosen[0]!;
}
