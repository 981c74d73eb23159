/**
 * "Làm xong được nhận giấy gì?", "giấy này có hiệu lực bao lâu?" — what the procedure issues, as
 * the record says it, and, when the validity is asked, the record's own words on it — or plainly
 * that the record does not say, with where to check.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { bullets, clip, quoteName, sentence } from './format.ts';
import { quotePassage, recordPassages, type Asked } from './passages.ts';
import { foldedPhrase } from '../../knowledge/language/normalize.ts';

/** Words of a question about how long a result is valid (folded, syllable-bounded). */
const VALIDITY_ASKED = [' hieu luc ', ' gia tri ', ' thoi han ', ' bao lau ', ' het han ', ' may nam ', ' bao nhieu nam '];
/** Words of a passage that states a validity. */
const VALIDITY_SAID = [' hieu luc ', ' gia tri su dung ', ' co gia tri ', ' thoi han su dung ', ' thoi han cua ', ' co thoi han '];

export function asksValidity(asked: Asked): boolean {
  const text = ` ${asked.text} `;
  return VALIDITY_ASKED.some((w) => text.includes(w));
}

export function composeResult(procedure: Procedure, asked: Asked = { topic: [], text: '' }): Reply[] {
  const name = quoteName(procedure.name);
  const parts: string[] = [];
  parts.push(
    procedure.result.length > 0
      ? `Dạ, kết quả của thủ tục ${name}:\n${bullets(procedure.result.map((r) => clip(sentence(r), 400)))}`
      : `Dạ, dữ liệu thủ tục ${name} chưa ghi kết quả giải quyết.`,
  );
  if (asksValidity(asked)) {
    const said = recordPassages(procedure).filter((p) => p.source !== 'steps' && VALIDITY_SAID.some((w) => foldedPhrase(p.text).includes(w)));
    parts.push(
      said.length > 0
        ? `Về thời hạn, giá trị sử dụng, dữ liệu thủ tục ghi:\n${bullets(said.slice(0, 3).map(quotePassage))}`
        : `Dữ liệu thủ tục không ghi thời hạn hiệu lực, giá trị sử dụng của kết quả. Bạn hỏi nơi tiếp nhận hồ sơ hoặc xem ${whereToCheck(procedure)} ạ.`,
    );
  }
  return [textReply(withCitation(parts.join('\n\n'), procedure))];
}
