/**
 * The one-stop status vocabulary in plain Vietnamese (Nghị định 61/2018/NĐ-CP practice): the
 * label, what it means, and what the citizen should do next.
 */
import type { DossierState } from '../../knowledge/dossiers/dossier.ts';

export interface StatusWords {
  /** Short label: "Chờ bổ sung hồ sơ". */
  label: string;
  /** One sentence on what it means. */
  meaning: string;
}

export const STATUS_WORDS: Record<DossierState, StatusWords> = {
  received: { label: 'Đã tiếp nhận', meaning: 'Bộ phận Một cửa đã nhận hồ sơ và chuyển tới cơ quan có thẩm quyền giải quyết.' },
  processing: { label: 'Đang xử lý', meaning: 'Cơ quan có thẩm quyền đang thẩm định, giải quyết hồ sơ.' },
  need_supplement: { label: 'Chờ bổ sung hồ sơ', meaning: 'Hồ sơ còn thiếu hoặc chưa hợp lệ; cơ quan giải quyết đang chờ bạn bổ sung.' },
  paused: { label: 'Tạm dừng xử lý', meaning: 'Việc giải quyết hồ sơ đang tạm dừng.' },
  result_ready: { label: 'Đã có kết quả, chờ trả kết quả', meaning: 'Hồ sơ đã giải quyết xong, kết quả đang chờ bạn đến nhận.' },
  returned: { label: 'Đã trả kết quả', meaning: 'Kết quả đã được trả cho người nộp hồ sơ.' },
  rejected: { label: 'Từ chối giải quyết', meaning: 'Cơ quan có thẩm quyền đã từ chối giải quyết hồ sơ.' },
};

/** The agency holds the dossier and its clock runs (overdue is counted only then). */
export function isAgencysTurn(state: DossierState): boolean {
  return state === 'received' || state === 'processing';
}

const ONE_STOP = 'Bộ phận Một cửa nơi bạn đã nộp hồ sơ';

/** What to do next, given the status; null when nothing is needed. */
export function nextStep(input: {
  state: DossierState;
  note?: string | undefined;
  agency?: string | undefined;
  overdueWorkingDays?: number | undefined;
}): string | null {
  const where = input.agency ?? ONE_STOP;
  switch (input.state) {
    case 'received':
    case 'processing':
      return input.overdueWorkingDays
        ? `Hồ sơ đã quá hạn ${input.overdueWorkingDays} ngày làm việc. Bạn có thể liên hệ ${where} để hỏi lý do; theo quy định, cơ quan giải quyết trễ hạn phải có văn bản xin lỗi và hẹn lại ngày trả kết quả.`
        : 'Bạn chưa cần làm gì thêm, vui lòng chờ đến ngày hẹn trả kết quả.';
    case 'need_supplement':
      return `Bạn cần bổ sung: ${input.note ?? 'giấy tờ theo hướng dẫn của cơ quan giải quyết'}. Vui lòng mang giấy tờ bổ sung cùng giấy tiếp nhận hồ sơ tới ${where} (hoặc nộp bổ sung trực tuyến nếu bạn đã nộp qua Cổng Dịch vụ công); thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.`;
    case 'paused':
      return `${input.note ? `Lý do: ${input.note.replace(/[.。]\s*$/, '')}. ` : ''}Bạn vui lòng liên hệ ${where} để biết khi nào hồ sơ được xử lý tiếp.`;
    case 'result_ready':
      return `Bạn mang giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng thẻ Căn cước/CCCD tới ${where} để nhận kết quả (nếu đã đăng ký nhận qua bưu điện, kết quả sẽ được gửi tới địa chỉ bạn đăng ký).${input.note ? ` Lưu ý: ${input.note}` : ''}`;
    case 'returned':
      return null;
    case 'rejected':
      return `Lý do từ chối: ${input.note ?? 'xem văn bản trả lời của cơ quan giải quyết'}. Nếu còn thắc mắc, bạn liên hệ ${where}; bạn có thể hoàn thiện và nộp lại hồ sơ mới.`;
  }
}
