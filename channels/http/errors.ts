/**
 * The HTTP error catalog: stable codes, a developer message, and a plain Vietnamese message
 * for citizens. Third-party failures are converted where they arrive.
 */
export const HTTP_ERRORS = {
  not_found: { status: 404, vi: 'Không tìm thấy địa chỉ này.' },
  procedure_not_found: { status: 404, vi: 'Không tìm thấy thủ tục có mã này. Vui lòng kiểm tra lại mã thủ tục (ví dụ 1.001456).' },
  invalid_request: { status: 400, vi: 'Yêu cầu không hợp lệ.' },
  invalid_json: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.' },
  payload_too_large: { status: 413, vi: 'Nội dung gửi lên quá lớn.' },
  not_ready: { status: 503, vi: 'Hệ thống đang khởi động, vui lòng thử lại sau ít phút.' },
  unauthorized: { status: 401, vi: 'Thiếu hoặc sai mã xác thực (Authorization: Bearer …).' },
  forbidden: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.' },
  csrf_failed: { status: 403, vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo CSRF). Vui lòng tải lại trang.' },
  ticket_not_found: { status: 404, vi: 'Không tìm thấy yêu cầu hỗ trợ này.' },
  dossier_not_found: { status: 404, vi: 'Không tìm thấy hồ sơ có mã này trong hệ thống.' },
  ticket_conflict: { status: 409, vi: 'Yêu cầu này vừa được cán bộ khác xử lý. Vui lòng tải lại hàng chờ.' },
  rate_limited: { status: 429, vi: 'Bạn gửi yêu cầu quá nhanh. Vui lòng thử lại sau ít phút.' },
  too_many_streams: { status: 429, vi: 'Có quá nhiều cửa sổ trò chuyện đang mở từ máy này. Vui lòng đóng bớt rồi thử lại.' },
  too_many_logins: { status: 429, vi: 'Máy này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.' },
  officer_not_configured: { status: 503, vi: 'Chức năng cán bộ trực chưa được bật trên máy chủ này.' },
  agents_not_configured: { status: 503, vi: 'Kênh Bot Framework (/api/messages) chưa được cấu hình xác thực Azure (clientId, clientSecret, tenantId).' },
  integration_not_configured: { status: 503, vi: 'Chức năng kết nối chưa được cấu hình trên máy chủ này (thiếu INTEGRATION_TOKEN).' },
  local_data_invalid: { status: 400, vi: 'Dữ liệu địa phương chưa hợp lệ. Xem từng lỗi ở danh sách kèm theo.' },
  local_data_conflict: { status: 409, vi: 'Dữ liệu này vừa được người khác sửa. Vui lòng tải lại để xem bản mới nhất rồi sửa tiếp.' },
  local_version_not_found: { status: 404, vi: 'Không tìm thấy phiên bản dữ liệu địa phương này.' },
  phrasing_invalid: { status: 400, vi: 'Cách hỏi chưa hợp lệ. Xem từng lỗi ở danh sách kèm theo.' },
  phrasing_exists: { status: 409, vi: 'Cách hỏi này đã được thêm cho thủ tục này rồi.' },
  phrasing_not_found: { status: 404, vi: 'Không tìm thấy cách hỏi này (có thể đã được gỡ).' },
  internal: { status: 500, vi: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.' },
} as const satisfies Record<string, { status: number; vi: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    /** For developers and logs; never personal data or secrets. */
    detail?: string,
    /** Replaces the catalog's Vietnamese message when the case needs a more precise one. */
    readonly userMessage: string = HTTP_ERRORS[code].vi,
  ) {
    super(detail ?? code);
    this.name = 'HttpError';
    this.status = HTTP_ERRORS[code].status;
  }
}

/** The JSON body every error response carries. */
export function errorBody(error: HttpError): { error: { code: string; message: string; detail?: string } } {
  return {
    error: {
      code: error.code,
      message: error.userMessage,
      ...(error.message !== error.code ? { detail: error.message } : {}),
    },
  };
}
