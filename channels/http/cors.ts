/**
 * CORS for the citizen endpoints only (the chat, its event stream, the widget script): an Origin
 * listed in ALLOWED_ORIGINS is echoed back, any other gets no CORS header (same-origin only), and
 * a preflight is answered with the methods and headers the widget (or Direct Line's Web Chat) uses. Never on the officer API.
 */
import type { RequestHandler } from 'express';

const METHODS = 'GET, POST, OPTIONS';
const HEADERS = 'Content-Type, Last-Event-ID';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function citizenCors(allowedOrigins: readonly string[], headers = HEADERS): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    response.append('Vary', 'Origin');
    const origin = request.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) response.setHeader('Access-Control-Allow-Origin', origin);
    if (request.method === 'OPTIONS') {
      if (ok) {
        response.setHeader('Access-Control-Allow-Methods', METHODS);
        response.setHeader('Access-Control-Allow-Headers', headers);
        response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      }
      response.status(204).end();
      return;
    }
    next();
  };
}
