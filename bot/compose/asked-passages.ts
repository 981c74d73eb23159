/**
 * A question about a procedure that no facet covers ("giấy ủy quyền có phải công chứng không?",
 * "người đang chấp hành án có làm được không?"): the one to three passages of the record that
 * bear most on its words, quoted as the record says them and cited — never a reworded or guessed
 * answer. Nothing when the question's words are only the procedure's name, or when the message
 * asks nothing (no question word): it names the procedure its own way.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { withOfficerOffer } from './conversation.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { bullets, quoteName } from './format.ts';
import { quotePassage, relevantPassages, type Asked } from './passages.ts';

/** A passage must share at least this much (rare words, pairs) with the question to be quoted. */
const MIN_RELEVANCE = 2;

/**
 * Words that make a message a question ("… có phải công chứng không", "… thì sao"), folded: a
 * message without one only names what it wants ("mình muốn cấp mã số thuế cá nhân", "cấp đổi
 * gplx"), and its words beyond the name are the citizen's name for it, not something asked.
 */
const QUESTION_WORDS = new Set(['khong', 'ko', 'k', 'kg', 'khg', 'hong', 'hok', 'hem', 'sao', 'nao', 'gi', 'j', 'dau', 'ai', 'chua', 'ha', 'nhieu', 'lau']);

function asksSomething(asked: Asked): boolean {
  return asked.text.split(' ').some((word) => QUESTION_WORDS.has(word));
}

export function composeAskedPassages(procedure: Procedure, asked: Asked): Reply[] {
  if (!asksSomething(asked)) return [];
  const passages = relevantPassages(procedure, asked, { max: 3, minScore: MIN_RELEVANCE, needPair: true });
  if (passages.length === 0) return [];
  const body =
    `Dạ, về điều bạn hỏi, dữ liệu thủ tục ${quoteName(procedure.name)} ghi:\n${bullets(passages.map(quotePassage))}\n\n` +
    `Trường hợp cụ thể của bạn, nơi tiếp nhận hồ sơ sẽ hướng dẫn; bạn cũng có thể xem ${whereToCheck(procedure)} ạ.`;
  return [textReply(withCitation(body, procedure))];
}

/**
 * A question about the procedure under discussion whose words its record does not speak of ("cần
 * bố mẹ đi cùng không" of a passport): said plainly, with where to ask — never a guess.
 */
export function composeRecordSilent(procedure: Procedure, offerOfficer: boolean): Reply[] {
  const text =
    `Dạ, dữ liệu thủ tục ${quoteName(procedure.name)} không ghi về điều bạn hỏi, nên em không trả lời chắc được ạ. ` +
    `Bạn hỏi nơi tiếp nhận hồ sơ hoặc xem ${whereToCheck(procedure)} để được hướng dẫn.`;
  return withOfficerOffer(withCitation(text, procedure), '\nEm cũng có thể chuyển bạn tới cán bộ hỗ trợ:', offerOfficer);
}
