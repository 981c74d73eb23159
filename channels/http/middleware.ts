/** Cross-cutting HTTP pieces: request ids with a child logger, and the one error handler. */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ChannelInputError } from '../../bot/channel.ts';
import { NotReadyError } from '../../bot/readiness.ts';
import { HttpError, errorBody } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

export function requestContext(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const incoming = request.header('x-request-id');
    request.id = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    request.log = logger.child({ requestId: request.id });
    response.setHeader('x-request-id', request.id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      request.log.info(
        { method: request.method, route: routePattern(request), status: response.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  };
}

/** The matched route's pattern (`/api/chat/:conversationId/events`), never the raw path with its ids. */
function routePattern(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : '(no route)';
}

/** Converts anything thrown into a catalogued JSON error; never leaks a stack trace. */
export function errorHandler(): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) request.log?.error({ err: error }, 'request failed');
    response.status(httpError.status).json(errorBody(httpError));
  };
}

/** A channel's refusal as the catalogued HTTP error of its status. */
const CHANNEL_INPUT_CODES = { 400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 413: 'payload_too_large' } as const;

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof NotReadyError) return new HttpError('not_ready', error.message);
  if (error instanceof ChannelInputError) return new HttpError(CHANNEL_INPUT_CODES[error.status], error.message, error.userMessage);
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new HttpError('invalid_json', 'request body is not valid JSON');
  if (type === 'entity.too.large') return new HttpError('payload_too_large', 'request body exceeds the limit');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new HttpError('invalid_request', 'unsupported body encoding');
  }
  // Any other client error raised by Express or the body parser (a corrupt gzip/deflate/br body,
  // an aborted upload, a path it cannot decode) is the client's: 400, never 500.
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError('invalid_request', `unreadable request (${type ?? status})`, 'Không đọc được nội dung gửi lên (dữ liệu nén bị hỏng hoặc sai định dạng).');
  }
  return new HttpError('internal', 'unexpected error');
}
