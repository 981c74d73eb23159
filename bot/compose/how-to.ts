/**
 * "Nộp ở đâu, nộp thế nào?" — where to submit, the channels available (trực tiếp / trực tuyến /
 * bưu chính), the online-service level with the portal link, the agency and the steps. When the
 * question was a yes/no ("nộp online được không?") the answer leads with yes or no.
 */
import { CHANNEL_LABELS, ONLINE_LEVEL_LABELS, type Procedure } from '../../knowledge/schema.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import { textReply, type Reply } from '../replies.ts';
import { withCitation } from './answer.ts';
import { bullets, clip, NATIONAL_PORTAL_URL, numbered, quoteName, sentence } from './format.ts';

const MAX_STEPS = 8;

export function canSubmitOnline(procedure: Procedure): boolean {
  if (procedure.channels.some((c) => c.method === 'truc_tuyen')) return true;
  return procedure.onlineLevel === 'toan_trinh' || procedure.onlineLevel === 'mot_phan';
}

export function canSubmitByPost(procedure: Procedure): boolean {
  return procedure.channels.some((c) => c.method === 'buu_chinh');
}

/** "Dịch vụ công trực tuyến toàn trình — nộp trên Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn …" */
export function onlineLine(procedure: Procedure): string {
  if (!canSubmitOnline(procedure)) return 'Chưa nộp trực tuyến được: bạn nộp trực tiếp' + (canSubmitByPost(procedure) ? ' hoặc qua bưu chính.' : '.');
  const level = procedure.onlineLevel && procedure.onlineLevel !== 'none' ? `${ONLINE_LEVEL_LABELS[procedure.onlineLevel]} — ` : '';
  const detail = procedure.sourceUrl ? ` (trang thủ tục: ${procedure.sourceUrl})` : '';
  const local = procedure.local?.onlineUrl ? ` hoặc Cổng Dịch vụ công của tỉnh: ${procedure.local.onlineUrl}` : '';
  return `${level}nộp trên Cổng Dịch vụ công quốc gia ${NATIONAL_PORTAL_URL}${detail}${local}.`;
}

function leadFor(procedure: Procedure, aspects: readonly HowToAspect[]): string {
  const name = quoteName(procedure.name);
  if (aspects.includes('online')) {
    if (!canSubmitOnline(procedure)) return `Dạ, hiện thủ tục ${name} chưa nộp trực tuyến được ạ.`;
    const level = procedure.onlineLevel === 'toan_trinh' ? ' (dịch vụ công trực tuyến toàn trình — làm hoàn toàn trên mạng)' : procedure.onlineLevel === 'mot_phan' ? ' (dịch vụ công trực tuyến một phần — vẫn có bước phải đến nơi giải quyết)' : '';
    return `Dạ, có — thủ tục ${name} nộp trực tuyến được${level}.`;
  }
  if (aspects.includes('post')) {
    return canSubmitByPost(procedure)
      ? `Dạ, có — thủ tục ${name} gửi hồ sơ qua dịch vụ bưu chính được.`
      : `Dạ, dữ liệu thủ tục ${name} không ghi cách nộp qua bưu chính ạ.`;
  }
  return `Dạ, cách thực hiện thủ tục ${name}:`;
}

/** "Nộp tại: …, giờ làm việc: …, điện thoại: …" — the places the province entered, one line each. */
export function localPlaceLines(procedure: Procedure): string[] {
  return (procedure.local?.places ?? []).map((place) => {
    const where = [place.address, place.hours && `giờ làm việc: ${place.hours}`, place.phone && `điện thoại: ${place.phone}`].filter(Boolean).join(', ');
    return place.channel === '*' ? `Nộp tại: ${where}` : `${CHANNEL_LABELS[place.channel]}: ${where}`;
  });
}

export function composeHowTo(procedure: Procedure, aspects: readonly HowToAspect[] = []): Reply[] {
  const parts: string[] = [leadFor(procedure, aspects)];
  const places = localPlaceLines(procedure);
  if (places.length) parts.push(`Theo thông tin của ${procedure.local!.source}:\n${bullets(places.map(sentence))}`);
  if (procedure.submitAt.length) parts.push(`Nơi nộp hồ sơ:\n${bullets(procedure.submitAt.map(sentence))}`);
  const methods = procedure.channels.map((c) => c.method);
  if (methods.length) {
    const channelNotes = procedure.channels
      .filter((c) => c.note)
      .map((c) => `${CHANNEL_LABELS[c.method]}: ${sentence(c.note!)}`);
    parts.push(`Cách nộp: ${methods.map((m) => CHANNEL_LABELS[m]).join('; ')}.${channelNotes.length ? `\n${bullets(channelNotes)}` : ''}`);
  }
  parts.push(`Nộp trực tuyến: ${onlineLine(procedure)}`);
  const agencies = [procedure.competentAgency, ...procedure.implementingAgencies].filter((a) => a.trim());
  if (agencies.length) parts.push(`Cơ quan giải quyết: ${[...new Set(agencies)].join('; ')}.`);
  if (procedure.steps.length) {
    const steps = procedure.steps.slice(0, MAX_STEPS).map((s) => clip(sentence(s), 400));
    const more = procedure.steps.length > MAX_STEPS ? `\n(còn ${procedure.steps.length - MAX_STEPS} bước — xem trang thủ tục)` : '';
    parts.push(`Các bước thực hiện:\n${numbered(steps)}${more}`);
  }
  if (procedure.local?.notes.length) parts.push(`Lưu ý của địa phương: ${procedure.local.notes.map(sentence).join(' ')}`);
  return [textReply(withCitation(parts.join('\n\n'), procedure))];
}
