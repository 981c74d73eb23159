/**
 * Dossier answers: asking for the code, the public status (plain words, dates, current step,
 * what to do next — no personal data), not found / look it up elsewhere, the applicant's details
 * after verification, notifications and their opt-in.
 */
import type { DossierStatus, DossierVerification } from '../deps.ts';
import { DOSSIER_CODE_EXAMPLE } from '../../knowledge/dossiers/dossier-code.ts';
import { STATUS_WORDS, nextStep } from '../dossiers/status-words.ts';
import { quickRepliesReply, textReply, type QuickReply, type Reply } from '../replies.ts';
import { NATIONAL_PORTAL_URL, sentence } from './format.ts';

const WHERE_TO_LOOK_UP = `Bạn cũng có thể tự tra cứu tại mục "Tra cứu hồ sơ" trên Cổng Dịch vụ công quốc gia ${NATIONAL_PORTAL_URL} hoặc Cổng Dịch vụ công của tỉnh, thành phố nơi nộp hồ sơ.`;

export function composeAskDossierCode(retry = false): Reply[] {
  const lead = retry ? 'Dạ, mã bạn nhắn chưa đúng định dạng mã hồ sơ. Bạn vui lòng nhắn lại mã hồ sơ' : 'Dạ, để tra cứu tình trạng hồ sơ, bạn vui lòng nhắn mã hồ sơ';
  return [
    textReply(
      `${lead} ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, có dạng ${DOSSIER_CODE_EXAMPLE} ạ. ${WHERE_TO_LOOK_UP}`,
    ),
  ];
}

/** No lookup service wired in yet: say where to look the code up. */
export function composeLookupElsewhere(code: string): Reply[] {
  return [
    textReply(
      `Dạ, em đã nhận mã hồ sơ ${code}. Hiện em chưa kết nối được hệ thống tra cứu hồ sơ, bạn vui lòng tra cứu tại mục "Tra cứu hồ sơ" trên Cổng Dịch vụ công quốc gia ${NATIONAL_PORTAL_URL} (hoặc Cổng Dịch vụ công của tỉnh, thành phố nơi nộp hồ sơ) bằng mã này ạ.`,
    ),
  ];
}

export function composeDossierStatus(status: DossierStatus): Reply[] {
  const lines = [`Dạ, hồ sơ ${status.code}${status.procedureName ? ` (${status.procedureName})` : ''}: ${sentence(status.status)}`];
  if (status.dueDate) lines.push(`Hẹn trả kết quả: ${status.dueDate.split('-').reverse().join('/')}.`);
  if (status.note) lines.push(sentence(status.note));
  return [textReply(lines.join('\n'))];
}

export function composeDossierNotFound(code: string): Reply[] {
  return [
    textReply(
      `Dạ, em không tìm thấy hồ sơ có mã ${code}. Bạn kiểm tra lại mã trên giấy tiếp nhận hồ sơ (dạng ${DOSSIER_CODE_EXAMPLE}) giúp em ạ. ${WHERE_TO_LOOK_UP}`,
    ),
  ];
}

/** What the citizen types (or clicks) to subscribe; the dialog recognises it. */
export const SUBSCRIBE_PHRASE = 'Nhận thông báo';
export const UNSUBSCRIBE_PHRASE = 'Hủy nhận thông báo';

/** "2026-08-05" → "05/08/2026". */
export function formatDay(day: string): string {
  return day.slice(0, 10).split('-').reverse().join('/');
}

function headline(status: DossierStatus): string {
  return `Hồ sơ ${status.code}${status.procedureName ? ` (${status.procedureName})` : ''}`;
}

function statusLine(status: DossierStatus): string {
  let line = `Tình trạng: ${status.status}`;
  if (status.overdueWorkingDays) line += ` — quá hạn ${status.overdueWorkingDays} ngày làm việc`;
  else if (status.state && (status.state === 'received' || status.state === 'processing') && status.workingDaysLeft !== undefined) {
    line += status.workingDaysLeft > 0 ? ` — còn ${status.workingDaysLeft} ngày làm việc đến hạn trả` : ' — đến hạn trả kết quả hôm nay';
  }
  return sentence(line);
}

/** The public answer for a found dossier; offers verification and notifications when available. */
export function composeDossierAnswer(status: DossierStatus, offers: { verify: boolean; subscribe: boolean }): Reply[] {
  if (!status.state) return composeDossierStatus(status); // a source that reports only words
  const state = status.state;
  const lines = [`Dạ, ${headline(status).replace(/^H/, 'h')}:`, `• ${statusLine(status)}`];
  const dates = [
    status.receivedDate ? `Ngày tiếp nhận: ${formatDay(status.receivedDate)}` : null,
    status.dueDate ? `hẹn trả kết quả: ${formatDay(status.dueDate)}` : null,
  ].filter(Boolean);
  if (dates.length) lines.push(`• ${sentence(dates.join('; ').replace(/^h/, 'H'))}`);
  if (status.step || status.agency) {
    lines.push(`• ${sentence(`Bước hiện tại: ${[status.step, status.agency].filter(Boolean).join(' — ')}`)}`);
  }
  lines.push(`• ${STATUS_WORDS[state].meaning}`);
  const todo = nextStep({ state, note: status.note, agency: status.agency, overdueWorkingDays: status.overdueWorkingDays });
  if (todo) lines.push(`• Việc cần làm: ${sentence(todo)}`);
  if (status.demo) lines.push('(Đây là hồ sơ DEMO để dùng thử, không phải hồ sơ thật.)');
  const replies: Reply[] = [textReply(lines.join('\n'))];

  const offersText: string[] = [];
  const buttons: QuickReply[] = [];
  if (offers.verify) {
    offersText.push('Để xem thông tin người nộp hồ sơ, bạn nhắn 4 số cuối của số điện thoại đã khai khi nộp hồ sơ.');
  }
  if (offers.subscribe && state !== 'returned' && state !== 'rejected') {
    offersText.push(`Muốn được báo ngay khi hồ sơ thay đổi trạng thái, bạn bấm hoặc nhắn “${SUBSCRIBE_PHRASE}”.`);
    buttons.push({ label: SUBSCRIBE_PHRASE, payload: SUBSCRIBE_PHRASE.toLowerCase() });
  }
  if (offersText.length) {
    const text = `Dạ, ${offersText.join(' ').replace(/^Đ/, 'đ').replace(/^M/, 'm')}`;
    replies.push(buttons.length ? quickRepliesReply(text, buttons) : textReply(text));
  }
  return replies;
}

/** Asks for the code, with the demo codes a new user can try. */
export function composeAskForCode(retry: boolean, demoCodes: readonly string[] = []): Reply[] {
  const replies = composeAskDossierCode(retry);
  if (demoCodes.length === 0) return replies;
  const demo = `Muốn dùng thử? Bạn nhắn một mã hồ sơ DEMO, ví dụ ${demoCodes.slice(0, 3).join(', ')}.`;
  return [...replies, textReply(demo)];
}

export function composeVerification(code: string, result: DossierVerification): Reply[] {
  switch (result.kind) {
    case 'verified':
      return [
        textReply(
          `Dạ, xác thực thành công. Thông tin người nộp hồ sơ ${code}:\n• Họ và tên: ${result.applicant.name}\n• Số điện thoại: ${result.applicant.maskedPhone}`,
        ),
      ];
    case 'wrong_digits':
      return [
        textReply(
          result.attemptsLeft > 0
            ? `Dạ, 4 số cuối số điện thoại chưa đúng với hồ sơ ${code}. Bạn còn ${result.attemptsLeft} lần thử.`
            : `Dạ, 4 số cuối số điện thoại chưa đúng với hồ sơ ${code}.`,
        ),
      ];
    case 'locked':
      return [
        textReply(
          `Dạ, để bảo vệ thông tin cá nhân, việc xác thực hồ sơ ${code} tạm bị khóa do nhập sai nhiều lần. Bạn vui lòng thử lại sau ${minutesUntil(result.until)} phút, hoặc liên hệ Bộ phận Một cửa nơi nộp hồ sơ ạ.`,
        ),
      ];
    case 'not_found':
      return [textReply(`Dạ, em không tìm thấy hồ sơ có mã ${code}. Bạn kiểm tra lại mã (dạng ${DOSSIER_CODE_EXAMPLE}) giúp em ạ.`)];
  }
}

function minutesUntil(iso: string): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - Date.now()) / 60_000));
}

export function composeSubscribed(code: string, result: 'subscribed' | 'already_subscribed' | 'not_found'): Reply[] {
  if (result === 'not_found') {
    return [textReply(`Dạ, em không tìm thấy hồ sơ có mã ${code} nên chưa đăng ký nhận thông báo được. Bạn kiểm tra lại mã (dạng ${DOSSIER_CODE_EXAMPLE}) giúp em ạ.`)];
  }
  const lead = result === 'subscribed' ? 'Dạ, em đã đăng ký' : 'Dạ, bạn đã đăng ký từ trước';
  return [
    quickRepliesReply(
      `${lead} nhận thông báo cho hồ sơ ${code}. Khi hồ sơ thay đổi trạng thái, em sẽ nhắn bạn ngay tại cuộc trò chuyện này. Muốn dừng, bạn nhắn “${UNSUBSCRIBE_PHRASE}”.`,
      [{ label: UNSUBSCRIBE_PHRASE, payload: UNSUBSCRIBE_PHRASE.toLowerCase() }],
    ),
  ];
}

export function composeUnsubscribed(code: string, removed: boolean): Reply[] {
  return [
    textReply(
      removed
        ? `Dạ, em đã hủy nhận thông báo cho hồ sơ ${code}.`
        : `Dạ, cuộc trò chuyện này chưa đăng ký nhận thông báo cho hồ sơ ${code}.`,
    ),
  ];
}

/** Verification or notifications asked before any dossier was looked up. */
export function composeCodeFirst(): Reply[] {
  return [textReply(`Dạ, bạn vui lòng nhắn mã hồ sơ trước (dạng ${DOSSIER_CODE_EXAMPLE}, ghi trên giấy tiếp nhận hồ sơ) để em tra cứu ạ.`)];
}

export function composeNotAvailable(what: 'verify' | 'subscribe'): Reply[] {
  return [
    textReply(
      what === 'verify'
        ? 'Dạ, hiện em chưa hỗ trợ xem thông tin người nộp hồ sơ. Bạn vui lòng liên hệ Bộ phận Một cửa nơi nộp hồ sơ ạ.'
        : 'Dạ, hiện em chưa hỗ trợ nhận thông báo về hồ sơ. Bạn có thể nhắn mã hồ sơ bất cứ lúc nào để tra cứu lại ạ.',
    ),
  ];
}

/** The message a subscribed conversation receives when the dossier's status changes. No personal data. */
export function composeStatusChangeNotice(status: DossierStatus): string {
  const lines = [`🔔 Cập nhật hồ sơ ${status.code}${status.procedureName ? ` (${status.procedureName})` : ''}: ${sentence(status.status)}`];
  if (status.dueDate && status.state !== 'returned' && status.state !== 'rejected') lines.push(`Hẹn trả kết quả: ${formatDay(status.dueDate)}.`);
  if (status.step) lines.push(sentence(`Bước hiện tại: ${status.step}`));
  const todo = status.state ? nextStep({ state: status.state, note: status.note, agency: status.agency, overdueWorkingDays: status.overdueWorkingDays }) : null;
  if (todo) lines.push(`Việc cần làm: ${sentence(todo)}`);
  return lines.join('\n');
}
