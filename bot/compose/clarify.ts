/** "Bạn hỏi thủ tục nào?" — 2–4 options as quick replies; the payload carries the code. */
import type { Procedure } from '../../knowledge/schema.ts';
import { PAYLOAD, quickRepliesReply, type Reply } from '../replies.ts';
import { clip } from './format.ts';
import { levelLabel } from './overview.ts';

export interface ClarifyOption {
  procedure: Procedure;
  /** The quick reply's text. */
  label: string;
  /** The option's line in the numbered list: the whole name when the label shows only its end. */
  listed: string;
}

/**
 * Option labels: the names; the levels when the names are the same; and when long names differ
 * only at the end ("… thuộc thẩm quyền của Thủ tướng Chính phủ" / "… của Chủ tịch UBND cấp
 * tỉnh"), that end, so the difference is not clipped away.
 */
export function optionLabels(procedures: readonly Procedure[]): ClarifyOption[] {
  const names = procedures.map((p) => p.name.trim());
  const sameName = new Set(names).size < names.length;
  const endings = sameName ? null : differingEndings(names);
  return procedures.map((procedure, i) => {
    if (endings) return { procedure, label: clip(`…${endings[i]}`, 80), listed: clip(procedure.name, 160) };
    const label = sameName ? clip(`${procedure.name} (${levelLabel(procedure)})`, 80) : clip(procedure.name, 80);
    return { procedure, label, listed: label };
  });
}

/** Words a shared opening must have before the names are told apart by their endings. */
const SHARED_OPENING_WORDS = 5;
/** Names this short fit a quick reply whole. */
const LONG_NAME = 60;

/** What follows the names' shared opening, when they share a long one and are long themselves. */
function differingEndings(names: readonly string[]): string[] | null {
  if (names.length < 2 || names.every((name) => name.length <= LONG_NAME)) return null;
  const words = names.map((name) => name.split(/\s+/));
  let shared = 0;
  while (words.every((w) => shared < w.length - 1 && w[shared]!.toLowerCase() === words[0]![shared]!.toLowerCase())) shared += 1;
  if (shared < SHARED_OPENING_WORDS) return null;
  return words.map((w) => w.slice(shared).join(' '));
}

export function composeClarify(options: readonly ClarifyOption[]): Reply[] {
  const question = 'Dạ, câu hỏi của bạn có thể thuộc một trong các thủ tục sau. Bạn chọn giúp em thủ tục đúng nhé:';
  const list = options.map((o, i) => `${i + 1}. ${o.listed} (mã ${o.procedure.code})`).join('\n');
  return [
    quickRepliesReply(
      `${question}\n${list}`,
      options.map((o) => ({ label: o.label, payload: PAYLOAD.pick(o.procedure.code) })),
    ),
  ];
}
