/** Replies that are about the conversation, not a procedure: greeting, thanks, off-topic, fallback, handoff. */
import { PAYLOAD, quickRepliesReply, textReply, type QuickReply, type Reply } from '../replies.ts';

export const OFFICER_QUICK_REPLY: QuickReply = { label: 'Gặp cán bộ', payload: PAYLOAD.officer };

/** A reply that ends, when an officer is offered, with that offer's words and its button. */
export function withOfficerOffer(text: string, offer: string, offerOfficer: boolean): Reply[] {
  return offerOfficer ? [quickRepliesReply(`${text}${offer}`, [OFFICER_QUICK_REPLY])] : [textReply(text)];
}

/** Example questions offered when the bot did not understand. */
export const EXAMPLE_QUICK_REPLIES: QuickReply[] = [
  { label: 'Làm hộ chiếu cần giấy tờ gì?', payload: 'Làm hộ chiếu cần giấy tờ gì?' },
  { label: 'Lệ phí đăng ký kết hôn', payload: 'Lệ phí đăng ký kết hôn' },
  { label: 'Tra cứu hồ sơ', payload: 'Tra cứu hồ sơ' },
];

export function composeGreeting(): Reply[] {
  return [
    textReply(
      'Dạ, em chào bạn! Em là trợ lý thủ tục hành chính. Bạn có thể hỏi em về giấy tờ cần chuẩn bị, lệ phí, thời gian giải quyết, nơi nộp hồ sơ của các thủ tục (ví dụ: "làm hộ chiếu cần giấy tờ gì?"), hoặc tra cứu tình trạng hồ sơ ạ.',
    ),
  ];
}

export function composeThanks(): Reply[] {
  return [textReply('Dạ, không có gì ạ. Bạn cần hỏi thêm về thủ tục nào cứ nhắn em nhé!')];
}

export function composeOutOfScope(offerOfficer: boolean): Reply[] {
  const text =
    'Dạ, em xin lỗi, em chỉ hỗ trợ thông tin về thủ tục hành chính (giấy tờ, lệ phí, thời gian, nơi nộp hồ sơ) và tra cứu hồ sơ, nên chưa trả lời được câu hỏi này ạ.';
  return withOfficerOffer(text, ' Bạn có muốn gặp cán bộ hỗ trợ không ạ?', offerOfficer);
}

/**
 * The message names a matter that is not a procedure of the catalog (military service,
 * vaccination, diplomas…): say so plainly instead of offering an unrelated procedure.
 */
export function composeOutsideCatalog(topic: { label: string; note?: string }, offerOfficer: boolean): Reply[] {
  // What the law says of it, when the list knows that precisely (a paper no longer issued).
  const text = topic.note
    ? `Dạ, ${topic.note}`
    : `Dạ, việc ${topic.label} không thuộc các thủ tục hành chính trong dữ liệu của em, nên em không trả lời chắc được ạ. Bạn vui lòng hỏi trực tiếp cơ quan phụ trách việc này, hoặc Bộ phận một cửa nơi bạn ở để được hướng dẫn.`;
  return withOfficerOffer(text, ' Em cũng có thể chuyển bạn tới cán bộ hỗ trợ:', offerOfficer);
}

/** Nothing understood. Offers an officer always in words; as a button after repeated failures. */
export function composeFallback(offerOfficer: boolean): Reply[] {
  const text =
    'Dạ, em chưa hiểu ý bạn. Bạn có thể hỏi lại ngắn gọn, nêu tên thủ tục và điều muốn biết (ví dụ: "lệ phí làm hộ chiếu bao nhiêu?"), hoặc nhắn "gặp cán bộ" để được cán bộ hỗ trợ ạ.';
  return offerOfficer
    ? [quickRepliesReply(`${text}\nEm có thể chuyển bạn tới cán bộ ngay:`, [OFFICER_QUICK_REPLY, ...EXAMPLE_QUICK_REPLIES.slice(0, 2)])]
    : [quickRepliesReply(text, EXAMPLE_QUICK_REPLIES)];
}

/** The topic named no procedure we know. */
export function composeProcedureNotFound(offerOfficer: boolean): Reply[] {
  const text =
    'Dạ, em chưa tìm thấy thủ tục phù hợp với câu hỏi của bạn trong dữ liệu hiện có. Bạn vui lòng nêu rõ tên thủ tục (ví dụ: "đăng ký khai sinh", "cấp hộ chiếu") giúp em ạ.';
  return withOfficerOffer(text, ' Hoặc em chuyển bạn tới cán bộ hỗ trợ:', offerOfficer);
}

const FACET_WORDS: Record<string, string> = {
  documents: 'giấy tờ cần nộp',
  fee: 'lệ phí',
  processing_time: 'thời gian giải quyết',
  how_to: 'nơi nộp, cách nộp hồ sơ',
  conditions: 'điều kiện, đối tượng',
  result: 'kết quả, giá trị sử dụng',
  overview: 'thông tin',
};

/** A facet asked with no procedure named and none under discussion. */
export function composeWhichProcedure(intent: string): Reply[] {
  return [
    textReply(
      `Dạ, bạn muốn hỏi ${FACET_WORDS[intent] ?? 'thông tin'} của thủ tục nào ạ? Bạn nhắn tên thủ tục giúp em (ví dụ: "đăng ký khai sinh", "làm hộ chiếu", "đăng ký tạm trú").`,
    ),
  ];
}

export function composeHandoff(): Reply[] {
  return [
    textReply(
      'Dạ, em đã chuyển yêu cầu của bạn tới cán bộ hỗ trợ. Cán bộ sẽ trả lời bạn ngay tại đây trong giờ làm việc; bạn vui lòng chờ trong giây lát ạ.',
    ),
  ];
}

export function composeNegativeFeedback(): Reply[] {
  return [
    textReply(
      'Dạ, em xin lỗi vì câu trả lời chưa đúng ý bạn. Em đã chuyển cuộc trò chuyện tới cán bộ hỗ trợ để bạn được giải đáp chính xác hơn ạ.',
    ),
  ];
}
