/** What the Zalo channel itself tells citizens, in plain Vietnamese: the greeting on follow and the answers to what it cannot read. */
import type { AttachmentKind } from './zalo-events.ts';

export const FOLLOW_GREETING =
  'Dạ, cảm ơn bạn đã quan tâm! Em là trợ lý thủ tục hành chính. Bạn có thể nhắn cho em để hỏi:\n' +
  '• cần giấy tờ gì, lệ phí bao nhiêu, bao lâu có kết quả, nộp ở đâu, nộp trực tuyến được không — ví dụ "làm hộ chiếu cần giấy tờ gì";\n' +
  '• tình trạng hồ sơ đã nộp — nhắn "tra cứu hồ sơ" kèm mã hồ sơ trên giấy tiếp nhận;\n' +
  '• gặp cán bộ trực — nhắn "gặp cán bộ".';

const WHAT: Record<AttachmentKind, string> = {
  image: 'hình ảnh',
  sticker: 'nhãn dán (sticker)',
  gif: 'ảnh động',
  file: 'tệp đính kèm',
  location: 'vị trí',
  audio: 'tin nhắn thoại',
  video: 'video',
  link: 'liên kết',
  business_card: 'danh thiếp',
  other: 'nội dung này',
};

/** How the citizen's non-text message appears in the transcript. */
export const attachmentPlaceholder = (kind: AttachmentKind): string => `[${WHAT[kind][0]!.toUpperCase()}${WHAT[kind].slice(1)}]`;

export function attachmentReply(kind: AttachmentKind): string {
  if (kind === 'sticker' || kind === 'gif') {
    return 'Dạ, em cảm ơn bạn! Bạn cần hỏi về thủ tục hành chính nào, cứ nhắn bằng chữ cho em nhé.';
  }
  if (kind === 'location') {
    return 'Dạ, em đã nhận vị trí nhưng chưa dùng được vị trí để tìm nơi nộp hồ sơ. Bạn nhắn giúp em tên thủ tục và xã/phường, tỉnh/thành bạn ở nhé.';
  }
  return `Dạ, em chưa đọc được ${WHAT[kind]}. Bạn vui lòng nhắn câu hỏi bằng chữ (ví dụ "đăng ký khai sinh cần giấy tờ gì"), hoặc nhắn "gặp cán bộ" nếu cần cán bộ xem giấy tờ giúp ạ.`;
}
