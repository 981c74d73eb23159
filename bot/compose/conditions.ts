/**
 * "Đối tượng nào được làm?", "cần đạt tiêu chuẩn gì?", "có được … không?" — the record's
 * conditions and who the procedure is for, quoted as the record says them. When the record
 * states no conditions, it says so, quotes what else in the record bears on the question (a
 * document needed "trường hợp …", a note) and says where to check — never a guessed yes or no.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { bullets, clip, quoteName, sentence } from './format.ts';
import { quotePassage, relevantPassages, type Asked } from './passages.ts';

/** At most this many conditions listed; the rest are on the source page. */
const MAX_CONDITIONS = 6;
const MAX_LINE = 500;

export function composeConditions(procedure: Procedure, asked: Asked = { topic: [], text: '' }): Reply[] {
  const name = quoteName(procedure.name);
  const parts: string[] = [];
  if (procedure.conditions.length > 0) {
    const shown = procedure.conditions.slice(0, MAX_CONDITIONS).map((c) => clip(sentence(c), MAX_LINE));
    const more = procedure.conditions.length - shown.length;
    parts.push(`Dạ, điều kiện thực hiện thủ tục ${name} theo dữ liệu thủ tục:\n${bullets(shown)}${more > 0 ? `\n(còn ${more} điều kiện khác — xem ${whereToCheck(procedure)})` : ''}`);
  } else {
    parts.push(`Dạ, dữ liệu thủ tục ${name} không ghi điều kiện riêng để thực hiện.`);
  }
  if (procedure.subjects.length > 0) parts.push(`Đối tượng thực hiện: ${procedure.subjects.map((s) => clip(s.trim(), 200)).join('; ')}.`);
  // What else the record says about the words of the question (not the conditions already listed).
  const related = relevantPassages(procedure, asked, { sources: ['documents', 'notes', 'steps', 'fees', 'result'], max: 2 });
  if (related.length > 0) parts.push(`Trong dữ liệu thủ tục có nội dung liên quan:\n${bullets(related.map(quotePassage))}`);
  parts.push(
    procedure.conditions.length > 0
      ? `Trường hợp cụ thể của bạn, nơi tiếp nhận hồ sơ sẽ xem xét; bạn có thể hỏi trước tại đó hoặc xem ${whereToCheck(procedure)} ạ.`
      : `Để biết trường hợp của bạn có đáp ứng không, bạn hỏi nơi tiếp nhận hồ sơ hoặc xem ${whereToCheck(procedure)} ạ.`,
  );
  return [textReply(withCitation(parts.join('\n\n'), procedure))];
}
