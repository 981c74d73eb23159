/**
 * Procedure names open with what is done: "Cấp", "Cấp lại", "Gia hạn", "Xóa đăng ký"… Near-twin
 * procedures differ only by that action, and a question that does not ask for a renewal is not
 * about "Gia hạn…". The specific actions (everything but plain cấp / đăng ký / thủ tục) are
 * listed folded; a name whose opening actions ("Cấp lại, đổi, điều chỉnh thông tin…") the
 * question never asks for is demoted.
 *
 * A question asks for an action in its own words too: a lost or damaged card is a "cấp lại", an
 * expired one a "gia hạn" or a reissue, "đổi thẻ" a "cấp đổi". Those cues are listed per action,
 * accented (matched on the normalised question) and folded (for questions typed without
 * diacritics; only where the folded form is unambiguous — "doi" is also "đối với").
 */
import { accentedPhrase, foldedKey, foldedPhrase } from './normalize.ts';
import { saysAsSpelt } from './spelt-phrase.ts';
import { withoutFiller } from './name-filler.ts';
import { synonymRewrites } from './citizen-phrases.ts';

/**
 * The specific actions, folded, and how each is spelt with its accents. A question typed with
 * accents asks for the action only where it spells it so: "sắp nhập" (about to import) is not "sáp nhập" (a merger),
 * "giám định" not "giảm", "miền núi" not "miễn"; a word typed without accents may be either.
 */
const ACTION_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  'cap lai': ['cấp lại'],
  'cap doi': ['cấp đổi'],
  'gia han': ['gia hạn'],
  'xoa dang ky': ['xóa đăng ký'],
  xoa: ['xóa'],
  huy: ['hủy'],
  'thu hoi': ['thu hồi'],
  'thay doi': ['thay đổi'],
  'sua doi': ['sửa đổi'],
  'bo sung': ['bổ sung'],
  'dieu chinh': ['điều chỉnh'],
  'cham dut': ['chấm dứt'],
  'tam ngung': ['tạm ngừng', 'tạm ngưng'],
  'dinh chi': ['đình chỉ'],
  'chuyen nhuong': ['chuyển nhượng'],
  'chuyen doi': ['chuyển đổi'],
  'dang ky lai': ['đăng ký lại'],
  'cai chinh': ['cải chính'],
  mien: ['miễn'],
  giam: ['giảm'],
  hoan: ['hoàn', 'hoãn'],
  'khoi phuc': ['khôi phục'],
  'phuc hoi': ['phục hồi'],
  'giai the': ['giải thể'],
  'hop nhat': ['hợp nhất'],
  'sap nhap': ['sáp nhập'],
  chia: ['chia'],
  tach: ['tách'],
  'tra lai': ['trả lại'],
  rut: ['rút'],
  'cong bo lai': ['công bố lại'],
  'trinh bao mat': ['trình báo mất'],
};

/** The specific actions (everything but plain cấp / đăng ký / thủ tục), folded, longest of a family first ("xoa dang ky" before "xoa"). */
export const SPECIFIC_ACTIONS = Object.keys(ACTION_SPELLINGS);

/** Actions that do not make a procedure a special case (a name opening with one is never demoted). */
const PLAIN_ACTIONS = ['cap', 'dang ky'];
/** "Đổi" opening a name or a list of actions is a reissue in exchange for the old paper. */
const EXCHANGE = 'doi';

const EXPIRED = { accented: ['hết hạn', 'quá hạn'], folded: ['het han', 'qua han'] };
/** A loss — not a bare "mất": "mất bao lâu", "mất bao nhiêu tiền" ask about time and money. */
const LOST = {
  accented: ['bị mất', 'đã mất', 'làm mất', 'đánh mất', 'mất thẻ', 'mất giấy', 'thất lạc'],
  folded: ['bi mat', 'da mat', 'lam mat', 'danh mat', 'that lac'],
};

/** The question's own words for an action, beyond the action's name itself. */
interface ActionCues {
  accented: string[];
  folded: string[];
  /** Folded patterns for cues whose folded form needs context ("doi" but not "doi voi"). */
  foldedPatterns?: RegExp[];
}

/** Folded "đổi" — not "đối với", "đối tượng", "đối chiếu", "đối ngoại", "điện thoại"…, nor "qua đời". */
const FOLDED_DOI = /(?<! qua) doi (?!voi |tuong |chieu |ngoai |tac |thoai |xu |dien |lap |ung |soat |khang |thu )/;

const ACTION_CUES: Readonly<Record<string, ActionCues>> = {
  'cap lai': {
    accented: [...LOST.accented, 'mất sổ', 'xin lại', 'làm lại', 'hư hỏng', 'bị hỏng', 'rách', ...EXPIRED.accented],
    folded: [...LOST.folded, 'mat the', 'mat giay', 'mat so', 'xin lai', 'lam lai', 'hu hong', 'bi hong', ...EXPIRED.folded],
  },
  'cap doi': { accented: ['đổi', ...EXPIRED.accented], folded: EXPIRED.folded, foldedPatterns: [FOLDED_DOI] },
  [EXCHANGE]: { accented: ['đổi', 'cấp đổi'], folded: ['cap doi'], foldedPatterns: [FOLDED_DOI] },
  'gia han': EXPIRED,
  'trinh bao mat': {
    accented: [...LOST.accented, 'mất hộ chiếu', 'đánh rơi', 'trình báo', 'báo mất'],
    folded: [...LOST.folded, 'danh roi', 'trinh bao', 'bao mat'],
  },
};

/** What separates the alternatives of a name's opening: "Cấp lại, đổi, điều chỉnh…", "Cấp đổi/cấp lại…". */
const ALTERNATIVE_SEPARATOR = /\s*(?:,|;|\/|\bva\b|\bhoac\b)\s*/;

function leadingAction(foldedSegment: string): string | null {
  for (const action of [...SPECIFIC_ACTIONS, ...PLAIN_ACTIONS, EXCHANGE]) {
    if (foldedSegment === action || foldedSegment.startsWith(`${action} `)) return action;
  }
  return null;
}

/**
 * The specific actions a procedure name opens with, folded — several when the name lists
 * alternatives ("Cấp lại, đổi, điều chỉnh…" → cap lai, doi, dieu chinh) — or [] when the name opens with a
 * plain action ("Cấp giấy phép…", "Đăng ký và cấp…") or none.
 */
export function nameActions(name: string): string[] {
  const folded = foldedKey(withoutFiller(name)).replace(/[^\p{L}\p{N},;/]+/gu, ' ').trim();
  const actions: string[] = [];
  for (const segment of folded.split(ALTERNATIVE_SEPARATOR)) {
    const action = leadingAction(segment.trim());
    if (!action) break;
    if (PLAIN_ACTIONS.includes(action)) return [];
    actions.push(action);
    if (segment.trim() !== action) break; // the segment goes on with the object: the list has ended
  }
  return actions;
}

/** A question prepared once for `questionAsksFor`. */
export interface ActionQuestion {
  /** Normalised (NFC, lowercase, tone placement), words separated by single spaces. */
  accented: string;
  /** Folded the same way. */
  folded: string;
}

export function actionQuestion(question: string): ActionQuestion {
  return { accented: accentedPhrase(question), folded: foldedPhrase(question) };
}

/**
 * A text and its citizen phrases read in the catalog's wording ("ghi sai" of a birth record: "cải
 * chính …"), each prepared for `questionAsksFor`; `contextOf`: the message the text is part of.
 */
export function actionQuestionsOf(text: string, contextOf: string = text): ActionQuestion[] {
  return [text, ...synonymRewrites(text, contextOf)].map(actionQuestion);
}

/** Whether the question says the action's name: folded, where it is typed without accents or spelt as the action (ACTION_SPELLINGS). */
function saysActionName(question: ActionQuestion, action: string): boolean {
  const spelt = ACTION_SPELLINGS[action];
  return spelt ? spelt.some((spelling) => saysAsSpelt(question, spelling)) : question.folded.includes(` ${action} `);
}

/** True when the question asks for the action, by its name or by one of its cues. */
export function questionAsksFor(question: ActionQuestion, action: string): boolean {
  // Folded "doi" is as often "đối với" as "đổi": that one is found by its cues only.
  if (action !== EXCHANGE && saysActionName(question, action)) return true;
  const cues = ACTION_CUES[action];
  if (!cues) return false;
  return (
    cues.accented.some((cue) => question.accented.includes(` ${cue} `)) ||
    cues.folded.some((cue) => question.folded.includes(` ${cue} `)) ||
    (cues.foldedPatterns ?? []).some((pattern) => pattern.test(question.folded))
  );
}

/** Words after which a name only qualifies its object ("… cho người từ đủ 14 tuổi", "… đối với …"). */
const QUALIFIER = /\s(?:cho|doi voi|cua|tai|trong|theo|thuoc|khi)\s|[(,;:]/;

/**
 * What a procedure name is about, without its opening action(s) and qualifiers, folded:
 * "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên" → "the can cuoc", "Đăng ký thường trú" →
 * "thuong tru". A correction ("à không, ý là cấp lại") applies its action to this.
 */
export function nameObject(name: string): string {
  let folded = foldedKey(withoutFiller(name))
    .replace(/[^\p{L}\p{N}(),;:]+/gu, ' ')
    .replace(/\s*([(),;:])\s*/g, ' $1 ')
    .replace(/\bdang ki\b/g, 'dang ky')
    .replace(/\s+/g, ' ')
    .trim();
  for (let action = leadingAction(folded); action; action = leadingAction(folded)) {
    folded = folded.slice(action.length).replace(/^(?:\s*(?:,|;|va|hoac)\s*)+/, '').trim();
  }
  const cut = folded.search(QUALIFIER);
  return (cut > 0 ? folded.slice(0, cut) : folded).trim();
}

/**
 * Syllables that say what befell a paper or what is asked of it, not what it is: the cues of a
 * loss, an expiry and a re-issue ("bị mất", "hết hạn", "xin lại", "hư hỏng", "rách"), and "do".
 */
const STATE_SYLLABLES = new Set([...LOST.folded, ...EXPIRED.folded, 'xin lai', 'hu hong', 'rach', 'do'].flatMap((cue) => cue.split(' ')));

/** Whether the topic says two of its words side by side as the name does, or its one word is the name's. */
export function saysOfName(topic: readonly { folded: string }[], name: string): boolean {
  const named = foldedPhrase(name);
  if (topic.length === 1) return named.includes(` ${topic[0]!.folded} `);
  return topic.some((token, i) => i > 0 && named.includes(` ${topic[i - 1]!.folded} ${token.folded} `));
}

/**
 * Whether these folded words say what the procedure is about (nameObject) by one of its
 * distinctive syllables, beyond what befell it: "thẻ tạm trú" says "Cấp thẻ tạm trú…", while
 * "cấp lại … bị mất" says nothing of "Cấp lại Giấy chứng nhận do bị mất".
 */
export function saysNameObject(folded: readonly string[], name: string, isDistinctive: (syllable: string) => boolean): boolean {
  const said = new Set(folded);
  const object = nameObject(name).split(' ');
  // What befell it closes the object: "chứng chỉ hành nghề kiến trúc | bị ghi sai do lỗi …".
  const end = object.findIndex((syllable) => syllable === 'bi' || syllable === 'do');
  return object
    .slice(0, end < 0 ? undefined : end)
    .some((syllable) => said.has(syllable) && !STATE_SYLLABLES.has(syllable) && isDistinctive(syllable));
}
