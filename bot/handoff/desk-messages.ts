/** What the handoff desk tells citizens, in plain Vietnamese, and how it reads their short answers. */
import type { QuickReply } from '../replies.ts';

export function queueNotice(sector: string | null, position: number, waitMinutes: number, timeoutMinutes: number): string {
  const where = sector ? `cán bộ phụ trách lĩnh vực ${sector}` : 'cán bộ hỗ trợ';
  const place = position > 1 ? `vị trí thứ ${position} trong hàng chờ` : 'người tiếp theo trong hàng chờ';
  return `Dạ, yêu cầu của bạn đang chờ ${where} tiếp nhận: bạn là ${place}, thời gian chờ dự kiến khoảng ${waitMinutes} phút. ` +
    `Cán bộ sẽ trả lời ngay tại đây. Nếu sau ${Math.ceil(timeoutMinutes)} phút chưa có cán bộ tiếp nhận, em sẽ báo lại và ghi nhận để cán bộ trả lời sau ạ.`;
}

const CALLBACK_ASK = 'Nếu muốn cán bộ gọi lại, bạn nhắn số điện thoại giúp em. Trong lúc chờ, em vẫn trả lời được các câu hỏi về thủ tục ạ.';

export function outsideHoursNotice(hours: string, nextOpening: string | null): string {
  return `Dạ, hiện đang ngoài giờ hành chính (${hours}) nên chưa có cán bộ trực để trả lời ngay. ` +
    `Em đã ghi nhận câu hỏi của bạn thành yêu cầu để cán bộ trả lời sau${nextOpening ? `, từ ${nextOpening}` : ''}. ${CALLBACK_ASK}`;
}

export function noOfficerNotice(timeoutMinutes: number): string {
  return `Dạ, em xin lỗi: sau ${Math.ceil(timeoutMinutes)} phút vẫn chưa có cán bộ nào rảnh để tiếp nhận. ` +
    `Em đã ghi nhận câu hỏi của bạn thành yêu cầu để cán bộ trả lời sau trong giờ hành chính. ${CALLBACK_ASK}`;
}

export function callbackNotice(maskedPhone: string): string {
  return `Dạ, em đã ghi lại số điện thoại ${maskedPhone} để cán bộ gọi lại trong giờ hành chính. Bạn cần hỏi thêm về thủ tục nào cứ nhắn em nhé.`;
}

export const claimedNotice = (officerName: string): string =>
  `Dạ, cán bộ ${officerName} đã tiếp nhận yêu cầu và sẽ trả lời bạn ngay tại đây ạ.`;

export const transferNotice = (officerName: string | null): string =>
  officerName
    ? `Dạ, cuộc trò chuyện đã được chuyển cho cán bộ ${officerName}, cán bộ sẽ tiếp tục hỗ trợ bạn ạ.`
    : 'Dạ, cuộc trò chuyện đã được chuyển lại hàng chờ; cán bộ khác sẽ tiếp nhận trong giây lát ạ.';

export const RESUME_WITH_RATING =
  'Dạ, cán bộ đã kết thúc cuộc trò chuyện. Trợ lý tự động tiếp tục hỗ trợ bạn: bạn cứ nhắn câu hỏi về thủ tục ạ.\n' +
  'Bạn vui lòng đánh giá mức độ hài lòng với cán bộ hỗ trợ, từ 1 (rất không hài lòng) đến 5 (rất hài lòng):';

export const RESUME_WITHOUT_OFFICER =
  'Dạ, yêu cầu gặp cán bộ đã kết thúc. Trợ lý tự động tiếp tục hỗ trợ bạn: bạn cứ nhắn câu hỏi về thủ tục ạ.';

export const thanksForRating = (rating: number): string =>
  `Dạ, em cảm ơn bạn đã đánh giá ${rating}/5! Ý kiến của bạn giúp cán bộ phục vụ tốt hơn. Bạn cần hỏi thêm về thủ tục nào cứ nhắn em nhé.`;

export const ALREADY_RATED = 'Dạ, bạn đã đánh giá cuộc trò chuyện này rồi, em cảm ơn bạn ạ.';

const RATE_PREFIX = 'rate:';

export function ratingQuickReplies(ticketId: string): QuickReply[] {
  return [1, 2, 3, 4, 5].map((n) => ({ label: String(n), payload: `${RATE_PREFIX}${ticketId}:${n}` }));
}

/** A clicked rating button: `rate:<ticketId>:<1-5>`. */
export function parseRatingPayload(payload: string | undefined): { ticketId: string; rating: number } | null {
  const match = /^rate:([\w-]+):([1-5])$/.exec(payload?.trim() ?? '');
  return match ? { ticketId: match[1]!, rating: Number(match[2]) } : null;
}

/** A typed rating answer: "5", "4 sao", "3/5", "5 điểm". */
export function parseTypedRating(text: string): number | null {
  const match = /^\s*([1-5])\s*(?:\/\s*5|sao|điểm|diem|\*|⭐)?\s*[.!]?\s*$/iu.exec(text);
  return match ? Number(match[1]) : null;
}

/** A Vietnamese phone number in free text, normalised to 0xxxxxxxxx. */
export function findPhoneNumber(text: string): string | null {
  for (const match of text.matchAll(/(?:\+?84|0)(?:[\s.-]?\d){8,10}/g)) {
    let digits = match[0].replace(/\D/g, '');
    if (digits.startsWith('84')) digits = `0${digits.slice(2)}`;
    if (/^0\d{9}$/.test(digits)) return digits;
  }
  return null;
}

export { maskPhone } from '../../knowledge/personal-data.ts';
