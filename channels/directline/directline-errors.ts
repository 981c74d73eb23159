/**
 * Direct Line's error answers: the same `{"error":{"code","message"}}` envelope as our own API,
 * with Direct Line's codes (BadArgument, TokenExpired, TooManyRequests …) so its clients react as they do with
 * Azure's service (403 → refresh or reconnect, 401/404 → give up), and a Vietnamese message.
 */
import type { ErrorRequestHandler } from 'express';
import { ChannelInputError } from '../../bot/channel.ts';
import { NotReadyError } from '../../bot/readiness.ts';
import { HttpError } from '../http/errors.ts';

export const DIRECTLINE_ERRORS = {
  missing_auth: { status: 401, code: 'Unauthorized', vi: 'Thiếu mã xác thực Direct Line (Authorization: Bearer …).' },
  bad_token: { status: 401, code: 'Unauthorized', vi: 'Mã xác thực Direct Line không hợp lệ.' },
  token_expired: { status: 403, code: 'TokenExpired', vi: 'Mã xác thực Direct Line đã hết hạn. Vui lòng tải lại trang để bắt đầu lại.' },
  wrong_conversation: { status: 403, code: 'Forbidden', vi: 'Mã xác thực này không dùng được cho cuộc trò chuyện này.' },
  secret_required: { status: 403, code: 'Forbidden', vi: 'Thao tác này cần khóa bí mật Direct Line của máy chủ cổng.' },
  token_required: { status: 403, code: 'Forbidden', vi: 'Thao tác này cần mã xác thực của cuộc trò chuyện, không phải khóa bí mật.' },
  not_found: { status: 404, code: 'NotFound', vi: 'Không tìm thấy địa chỉ Direct Line này.' },
  conversation_not_found: { status: 404, code: 'NotFound', vi: 'Không tìm thấy cuộc trò chuyện này.' },
  too_many_streams: { status: 429, code: 'TooManyRequests', vi: 'Có quá nhiều cửa sổ trò chuyện đang mở từ máy này. Vui lòng đóng bớt rồi thử lại.' },
} as const satisfies Record<string, { status: number; code: string; vi: string }>;

export type DirectLineErrorKind = keyof typeof DIRECTLINE_ERRORS;

export class DirectLineError extends Error {
  readonly status: number;
  readonly code: string;
  readonly userMessage: string;
  constructor(kind: DirectLineErrorKind) {
    super(kind);
    this.name = 'DirectLineError';
    this.status = DIRECTLINE_ERRORS[kind].status;
    this.code = DIRECTLINE_ERRORS[kind].code;
    this.userMessage = DIRECTLINE_ERRORS[kind].vi;
  }
}

/** A per-client limit (channels/http/client-limits.ts) answers 429 with Retry-After: `TooManyRequests` here. */
const CODE_BY_STATUS: Record<number, string> = { 400: 'BadArgument', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 413: 'MessageSizeTooBig', 429: 'TooManyRequests', 503: 'ServiceError' };

/** Anything a Direct Line route throws as Direct Line's error body; 5xx are logged without details. */
export function directLineErrorHandler(): ErrorRequestHandler {
  return (error, request, response, _next) => {
    let status = 500;
    let message = 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.';
    let code: string | undefined;
    if (error instanceof DirectLineError) ({ status, code, userMessage: message } = error);
    else if (error instanceof HttpError) ({ status, userMessage: message } = error);
    else if (error instanceof ChannelInputError) ({ status, userMessage: message } = error);
    else if (error instanceof NotReadyError) {
      status = 503;
      message = 'Hệ thống đang khởi động, vui lòng thử lại sau ít phút.';
    } else {
      const type = (error as { type?: string } | null)?.type;
      const given = (error as { status?: unknown } | null)?.status;
      if (type === 'entity.parse.failed') {
        status = 400;
        message = 'Nội dung gửi lên không phải JSON hợp lệ.';
      } else if (type === 'entity.too.large') {
        status = 413;
        message = 'Nội dung gửi lên quá lớn.';
      } else if (typeof given === 'number' && given >= 400 && given < 500) {
        status = 400;
        message = 'Yêu cầu không hợp lệ.';
      }
    }
    if (status >= 500 && status !== 503) request.log?.error({ err: error }, 'direct line request failed');
    response.status(status).json({ error: { code: code ?? CODE_BY_STATUS[status] ?? 'ServiceError', message } });
  };
}
