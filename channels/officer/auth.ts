/**
 * Who is calling the officer API: `Authorization: Bearer <token>` (API clients) or the session
 * cookie (the /officer page). Cookie-authenticated writes must also carry the session's CSRF
 * token in `X-CSRF-Token`; a bearer token cannot be sent by a foreign page, so it needs none.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Officer } from '../../bot/handoff/officer.ts';
import { hasControlCharacter } from '../../knowledge/plain-text.ts';
import { HttpError } from '../http/errors.ts';
import { SESSION_HOURS, csrfMatches, type OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';

export const SESSION_COOKIE = 'tltt_officer';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'express-serve-static-core' {
  interface Request {
    officer?: Officer;
    officerToken?: string;
  }
}

/** A cookie's value; a malformed one (bad percent-encoding, control characters) counts as absent. */
export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      const value = decodeURIComponent(rest.join('='));
      return hasControlCharacter(value) ? undefined : value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(request: Request, response: Response, token: string | null): void {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', token ? `Max-Age=${SESSION_HOURS * 3600}` : 'Max-Age=0'];
  if (request.secure) attributes.push('Secure');
  response.append('Set-Cookie', `${SESSION_COOKIE}=${token ?? ''}; ${attributes.join('; ')}`);
}

const NOT_SIGNED_IN = 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';

export function requireOfficer(accounts: OfficerAccounts): RequestHandler {
  return async (request, _response, next) => {
    const header = request.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (header && !bearer) throw new HttpError('unauthorized', 'malformed Authorization header', NOT_SIGNED_IN);
    const token = bearer ?? cookieValue(request, SESSION_COOKIE);
    if (!token) throw new HttpError('unauthorized', 'no officer session', NOT_SIGNED_IN);
    const session = await accounts.session(token);
    if (!session) throw new HttpError('unauthorized', 'unknown or expired officer session', NOT_SIGNED_IN);
    if (!bearer && !SAFE_METHODS.has(request.method) && !csrfMatches(session.csrfToken, request.header('x-csrf-token'))) {
      throw new HttpError('csrf_failed', 'cookie-authenticated write without a valid X-CSRF-Token');
    }
    request.officer = session.officer;
    request.officerToken = token;
    next();
  };
}

export function requireSupervisor(request: Request): Officer {
  const officer = request.officer!;
  if (officer.role !== 'supervisor') throw new HttpError('forbidden', 'supervisor role required', 'Chỉ giám sát viên mới thực hiện được thao tác này.');
  return officer;
}

/**
 * A page only supervisors may open: signed out → the console's sign-in; an officer → 403 with
 * `forbidden` (Vietnamese); a supervisor gets `page` under a strict CSP, never framed.
 */
export function supervisorPage(accounts: OfficerAccounts, page: string, csp: string, forbidden: string): RequestHandler {
  return async (request, response) => {
    const token = cookieValue(request, SESSION_COOKIE);
    const session = token ? await accounts.session(token) : null;
    if (!session) {
      response.redirect(302, '/officer');
      return;
    }
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Frame-Options', 'DENY');
    if (session.officer.role !== 'supervisor') {
      response
        .status(403)
        .type('html')
        .send(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không có quyền</title><p>${forbidden} <a href="/officer">Về bàn trực</a></p></html>`);
      return;
    }
    response.type('html').send(page);
  };
}
