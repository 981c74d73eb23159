/** "Bạn hỏi thủ tục nào?" — 2–4 options as quick replies; the payload carries the code. */
import type { Procedure } from '../../knowledge/schema.ts';
import { PAYLOAD, quickRepliesReply, type Reply } from '../replies.ts';
import { clip } from './format.ts';
import { levelLabel } from './overview.ts';

export interface ClarifyOption {
  procedure: Procedure;
  label: string;
}

/** Option labels: the names, or the levels when the names are the same. */
export function optionLabels(procedures: readonly Procedure[]): ClarifyOption[] {
  const names = procedures.map((p) => p.name.trim());
  const sameName = new Set(names).size < names.length;
  return procedures.map((procedure) => ({
    procedure,
    label: sameName ? clip(`${procedure.name} (${levelLabel(procedure)})`, 80) : clip(procedure.name, 80),
  }));
}

export function composeClarify(options: readonly ClarifyOption[], byLevel: boolean): Reply[] {
  const question = byLevel
    ? 'Dạ, thủ tục này được thực hiện ở nhiều cấp với thông tin khác nhau. Bạn làm ở cấp nào ạ?'
    : 'Dạ, câu hỏi của bạn có thể thuộc một trong các thủ tục sau. Bạn chọn giúp em thủ tục đúng nhé:';
  const list = options.map((o, i) => `${i + 1}. ${o.label} (mã ${o.procedure.code})`).join('\n');
  return [
    quickRepliesReply(
      `${question}\n${list}`,
      options.map((o) => ({ label: o.label, payload: PAYLOAD.pick(o.procedure.code) })),
    ),
  ];
}
