/**
 * Refuses hostile bytes before any route runs, so no handler can half-write them: a path segment
 * with malformed percent-encoding, and control characters (NUL …) in the decoded path, in a query
 * parameter, or anywhere in a JSON body (keys included) — each a 400 naming where it was.
 */
import type { RequestHandler } from 'express';
import { CONTROL_CHARACTER_REASON, hasControlCharacter } from '../../knowledge/plain-text.ts';
import { HttpError } from './errors.ts';

const MAX_DEPTH = 32;

/** The dotted path of the first string (or key) with a control character; null when clean. */
function firstControlled(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? path || 'body' : null;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (hasControlCharacter(key)) return at;
    const found = firstControlled(inner, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Before the body parser: the path must decode, and decode to text. */
export function pathGuard(): RequestHandler {
  return (request, _response, next) => {
    for (const segment of request.path.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new HttpError('invalid_request', 'malformed percent-encoding in the path', 'Địa chỉ (URL) không hợp lệ: mã hóa phần trăm (%) bị lỗi.');
      }
      if (hasControlCharacter(decoded)) {
        throw new HttpError('invalid_request', 'control character in the path', `Địa chỉ (URL) không hợp lệ: ${CONTROL_CHARACTER_REASON}.`);
      }
    }
    next();
  };
}

/** After the body parser: no control character in a query parameter or in the JSON body. */
export function textGuard(): RequestHandler {
  return (request, _response, next) => {
    const inQuery = firstControlled(request.query, '');
    if (inQuery) throw new HttpError('invalid_request', `control character in query ${inQuery}`, `Tham số "${inQuery}" ${CONTROL_CHARACTER_REASON}.`);
    const inBody = firstControlled(request.body, '');
    if (inBody) throw new HttpError('invalid_request', `control character in ${inBody}`, `Trường "${inBody}" ${CONTROL_CHARACTER_REASON}. Vui lòng chỉ gửi văn bản.`);
    next();
  };
}
