/**
 * "Lệ phí bao nhiêu?" — fees per submission channel (channels with the same fees are merged),
 * with exemptions and notes. Free is said plainly ("miễn phí"); a fee set by the provincial
 * council or not given in the source is said so, with where to check — never a guessed figure.
 * A procedure that declares a tax or charge ("Khai lệ phí trước bạ …") says its own fee is not
 * that charge, whose amount the record does not give.
 */
import { CHANNEL_LABELS, type Fee, type Procedure, type SubmissionChannel } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { bullets, formatMoney, mentions, quoteName, sentence } from './format.ts';
import { leviesOfName } from '../../knowledge/language/levies.ts';

/**
 * A waived charge is said as citizens say it, "miễn phí": the fee's label before it already
 * names the charge ("Lệ phí đăng ký khai sinh: miễn phí").
 */
const FREE = 'miễn phí';

/** The amount part of one fee line. */
export function feeAmount(fee: Fee, procedure: Procedure): string {
  switch (fee.kind) {
    case 'fixed':
      return formatMoney(fee.amountVnd ?? 0);
    case 'free':
      return `${FREE} (không phải nộp)`;
    case 'set_by_province':
      return 'do Hội đồng nhân dân cấp tỉnh quy định nên mức thu khác nhau giữa các tỉnh, thành phố — bạn hỏi nơi nộp hồ sơ hoặc xem Cổng Dịch vụ công của tỉnh, thành phố mình';
    case 'unspecified':
      return `dữ liệu thủ tục chưa ghi mức thu cụ thể — bạn kiểm tra tại nơi nộp hồ sơ hoặc ${whereToCheck(procedure)}`;
  }
}

/** Short form for overviews: "200.000 đồng", "Miễn phí", "Do HĐND cấp tỉnh quy định". */
export function feeBrief(fee: Fee): string {
  switch (fee.kind) {
    case 'fixed':
      return formatMoney(fee.amountVnd ?? 0);
    case 'free':
      return 'Miễn phí';
    case 'set_by_province':
      return 'Do HĐND cấp tỉnh quy định';
    case 'unspecified':
      return 'Chưa có mức thu cụ thể';
  }
}

function feeKey(fees: readonly Fee[]): string {
  return JSON.stringify(fees.map((f) => [f.kind, f.label, f.amountVnd, [...f.exemptions].sort(), f.basis ?? null]));
}

interface FeeGroup {
  channels: SubmissionChannel[];
  fees: Fee[];
}

/** Channels with the same fee lines (notes aside) share one group. */
export function groupFees(procedure: Procedure): FeeGroup[] {
  const groups = new Map<string, FeeGroup>();
  for (const channel of procedure.channels) {
    if (channel.fees.length === 0) continue;
    const key = feeKey(channel.fees);
    const group = groups.get(key);
    if (group) group.channels.push(channel);
    else groups.set(key, { channels: [channel], fees: channel.fees });
  }
  return [...groups.values()];
}

function feeLines(group: FeeGroup, procedure: Procedure): string[] {
  return group.fees.map((fee, index) => {
    // A local figure says where it comes from: "… 20.000 đồng (Nghị quyết số …/NQ-HĐND …)".
    let line = `${fee.label}: ${feeAmount(fee, procedure)}${fee.basis ? ` (${fee.basis})` : ''}.`;
    // Notes may differ by channel (e.g. a stale online rate): show each distinct one.
    const notes = new Map<string, string[]>();
    for (const channel of group.channels) {
      const note = channel.fees[index]?.note?.trim();
      if (note) notes.set(note, [...(notes.get(note) ?? []), CHANNEL_LABELS[channel.method]]);
    }
    if (notes.size === 1) line += ` ${sentence([...notes.keys()][0]!)}`;
    else for (const [note, labels] of notes) line += `\n   ${labels.join(', ')}: ${sentence(note)}`;
    if (fee.exemptions.length) line += `\n   Được miễn: ${fee.exemptions.join('; ')}.`;
    return line;
  });
}

export function composeFee(procedure: Procedure): Reply[] {
  const name = quoteName(procedure.name);
  const groups = groupFees(procedure);
  if (groups.length === 0) {
    const body = `Dạ, dữ liệu thủ tục ${name} chưa có thông tin về phí, lệ phí. Bạn kiểm tra tại nơi nộp hồ sơ hoặc ${whereToCheck(procedure)} ạ.`;
    return [textReply(withCitation(body, procedure, 'fee'))];
  }
  const allFees = groups.flatMap((g) => g.fees);
  const allFree = allFees.every((f) => f.kind === 'free');
  const levies = leviesOfName(procedure.name);
  const lead = !allFree
    ? `Dạ, phí, lệ phí của thủ tục ${name}:`
    : levies.length > 0
      ? `Dạ, làm thủ tục ${name} không mất phí, lệ phí.`
      : `Dạ, thủ tục ${name} được ${FREE} — bạn không phải nộp tiền.`;
  const sections =
    groups.length === 1
      ? [bullets(feeLines(groups[0]!, procedure))]
      : groups.map(
          (group) =>
            `Nộp ${group.channels.map((c) => CHANNEL_LABELS[c.method].toLowerCase()).join(', ')}:\n${bullets(feeLines(group, procedure))}`,
        );
  const feeNotes = procedure.notes.filter((note) => mentions(note, 'phí'));
  const notes = feeNotes.length ? `\n\nLưu ý: ${feeNotes.map(sentence).join(' ')}` : '';
  return [textReply(withCitation(`${lead}\n${sections.join('\n\n')}${notes}${levyNote(levies, procedure)}`, procedure, 'fee'))];
}

/** What a procedure declaring a tax or charge says of that charge: not its own fee, and not given in the record. */
function levyNote(levies: readonly string[], procedure: Procedure): string {
  if (levies.length === 0) return '';
  const charge = levies.join(', ');
  return `\n\nLưu ý: đó là phí, lệ phí của việc làm thủ tục, không phải ${charge}. Số ${charge} phải nộp (nếu có) tính theo quy định về ${charge}; dữ liệu thủ tục không ghi mức này — bạn hỏi nơi nộp hồ sơ hoặc xem ${whereToCheck(procedure)} ạ.`;
}
