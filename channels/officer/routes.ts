/**
 * The officer console: the /officer page and its JSON API (also for API clients with a bearer
 * token). Login, live queue (server-sent events), claim, transcript with the bot's context and
 * suggested answers, reply, transfer, close — with, for push channels (Zalo), whether the citizen
 * can still be reached (the messaging window, flagged when few free replies are left) and which
 * messages could not be delivered. Authorisation: 401 without a session, 403 for a wrong role or
 * sector or a missing CSRF token, 409 for a lost race, 404 for an unknown ticket, 429 (with
 * Retry-After) for a client that failed to log in too often.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DeliveryInsight } from '../../bot/delivery/delivery-insight.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import { DeskError, type HandoffDesk } from '../../bot/handoff/handoff-desk.ts';
import { END_REASONS } from '../../bot/handoff/handoff-states.ts';
import type { HandoffRecords } from '../../bot/handoff/handoff-record-store.ts';
import { OFFICER_ROLES } from '../../bot/handoff/officer.ts';
import { admitClient, claimStreamSlot, clientKey, type ClientLimits } from '../http/client-limits.ts';
import { HttpError, type HttpErrorCode } from '../http/errors.ts';
import type { OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { requireOfficer, requireSupervisor, setSessionCookie } from './auth.ts';
import type { LoginLimits } from '../../adapters/sql/sql-login-limit-store.ts';
import { ticketView, type TicketContextDeps } from './ticket-context.ts';
import { openOfficerStream } from './officer-stream.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
export const MAX_OFFICER_TEXT = 4000;

export interface OfficerRouteDeps extends TicketContextDeps {
  accounts: OfficerAccounts;
  loginLimits: LoginLimits;
  desk: HandoffDesk;
  records: HandoffRecords;
  events: EventHub;
  limits: ClientLimits;
  /** Delivery status of push-channel conversations (absent: no push channel is on). */
  delivery?: DeliveryInsight;
}

const LoginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });
const TextSchema = z.object({ text: z.string().trim().min(1).max(MAX_OFFICER_TEXT) });
const CloseSchema = z.object({ reason: z.enum(END_REASONS) });
const TransferSchema = z.union([z.object({ officerId: z.string().min(1).max(100) }), z.object({ queue: z.literal(true) })]);
const AccountSchema = z.object({
  username: z.string().trim().min(3).max(64).regex(/^[\w.@-]+$/),
  password: z.string().min(10).max(200),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(OFFICER_ROLES).default('officer'),
  sectors: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});

/** Every per-client login refusal answers the same way. */
const tooManyLogins = (retryAfterSeconds: number) =>
  new HttpError('too_many_logins', 'too many login attempts from this client', `Máy này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`);

function parse<T>(schema: z.ZodType<T>, body: unknown, message: string): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpError('invalid_request', parsed.error.issues[0]?.message ?? 'invalid body', message);
  return parsed.data;
}

const DESK_TO_HTTP: Record<DeskError['kind'], HttpErrorCode> = {
  not_found: 'ticket_not_found',
  forbidden: 'forbidden',
  conflict: 'ticket_conflict',
  invalid: 'invalid_request',
};

/** Runs a desk action, turning its refusals into catalogued HTTP errors. */
async function desk<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DeskError) throw new HttpError(DESK_TO_HTTP[error.kind], error.message, error.userMessage);
    throw error;
  }
}

export function officerRoutes(deps: OfficerRouteDeps): Router {
  const router = Router();
  const page = readFileSync(path.join(publicDir, 'officer.html'), 'utf8');
  const script = readFileSync(path.join(publicDir, 'officer.js'), 'utf8');
  const auth = requireOfficer(deps.accounts);
  const ticketId = (request: Request) => String(request.params.ticketId);

  router.get('/officer', (_request, response) => {
    response.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    response.setHeader('X-Frame-Options', 'DENY');
    response.type('html').send(page);
  });
  router.get('/officer/console.js', (_request, response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(script);
  });

  router.post('/api/officer/login', async (request, response) => {
    const { username, password } = parse(LoginSchema, request.body, 'Vui lòng nhập tên đăng nhập và mật khẩu.');
    // Per client: a token bucket on every attempt, then the failed-attempt window (both before any password check).
    await admitClient(deps.limits, deps.limits.rules.login, request, response, tooManyLogins);
    const client = clientKey(request);
    const admission = await deps.loginLimits.admit(client);
    if (!admission.allowed) {
      request.log.warn({ retryAfterSeconds: admission.retryAfterSeconds }, 'officer login refused: too many attempts from this client');
      response.setHeader('Retry-After', String(admission.retryAfterSeconds));
      throw tooManyLogins(admission.retryAfterSeconds);
    }
    const result = await deps.accounts.login(username, password, { clientKey: client });
    if (result.kind === 'bad_credentials') {
      throw new HttpError('unauthorized', 'bad officer credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    await deps.loginLimits.succeeded(client);
    const { token, csrfToken } = await deps.accounts.openSession(result.officer.id);
    setSessionCookie(request, response, token);
    request.log.info({ officerId: result.officer.id }, 'officer signed in');
    response.json({ token, csrfToken, officer: result.officer });
  });

  router.use('/api/officer', auth);

  router.post('/api/officer/logout', async (request, response) => {
    await deps.accounts.closeSession(request.officerToken!);
    setSessionCookie(request, response, null);
    response.json({ ok: true });
  });

  router.get('/api/officer/me', async (request, response) => {
    const session = await deps.accounts.session(request.officerToken!);
    response.json({ officer: request.officer, csrfToken: session?.csrfToken });
  });

  /** Queue items of push-channel conversations carry `delivery`: the reply window (with `low`) and failed deliveries. */
  async function withDelivery<T extends { conversationId: string; channel: string }>(items: T[]): Promise<Array<T & { delivery?: unknown }>> {
    const insight = deps.delivery;
    if (!insight) return items;
    return Promise.all(
      items.map(async (item) => {
        if (item.channel === 'webchat') return item;
        const status = await insight.status(item.conversationId);
        return status ? { ...item, delivery: { window: status.window, pending: status.pending, failed: status.failures.length } } : item;
      }),
    );
  }

  router.get('/api/officer/queue', async (request, response) => {
    const queue = await deps.desk.queue(request.officer!);
    response.json({
      items: await withDelivery(queue.items),
      mine: await withDelivery(queue.mine),
      others: await withDelivery(queue.others),
      followUps: await withDelivery(queue.followUps),
    });
  });

  router.get('/api/officer/officers', async (request, response) => {
    const ratings = new Map((await deps.records.ratingsByOfficer()).map((r) => [r.officerId, r]));
    const officers = (await deps.accounts.list()).map((o) => ({
      id: o.id, username: o.username, displayName: o.displayName, role: o.role, sectors: o.sectors,
      ...(request.officer!.role === 'supervisor' && ratings.has(o.id) ? { rating: ratings.get(o.id) } : {}),
    }));
    response.json({ officers });
  });

  router.post('/api/officer/accounts', async (request, response) => {
    requireSupervisor(request);
    const account = parse(AccountSchema, request.body, 'Thông tin tài khoản không hợp lệ (tên đăng nhập ≥ 3 ký tự, mật khẩu ≥ 10 ký tự).');
    const created = await deps.accounts.create(account);
    if (!created) throw new HttpError('ticket_conflict', 'username taken', 'Tên đăng nhập này đã có.');
    response.status(201).json({ officer: created });
  });

  router.get('/api/officer/tickets/:ticketId', async (request, response) => {
    const ticket = await desk(() => deps.desk.ticket(request.officer!, ticketId(request)));
    const delivery = deps.delivery && ticket.channel !== 'webchat' ? await deps.delivery.status(ticket.conversationId) : null;
    response.json({ ...(await ticketView(ticket, deps)), ...(delivery ? { delivery } : {}) });
  });

  router.post('/api/officer/tickets/:ticketId/claim', async (request, response) => {
    const ticket = await desk(() => deps.desk.claim(request.officer!, ticketId(request)));
    request.log.info({ ticketId: ticket.id, officerId: request.officer!.id }, 'ticket claimed');
    response.json({ ticket });
  });

  router.post('/api/officer/tickets/:ticketId/messages', async (request, response) => {
    const { text } = parse(TextSchema, request.body, `Tin nhắn phải là văn bản từ 1 đến ${MAX_OFFICER_TEXT} ký tự (trường "text").`);
    const { ticket, message } = await desk(() => deps.desk.reply(request.officer!, ticketId(request), text));
    response.json({ ticket, message: { id: message.id, from: message.author, text: message.text, at: message.createdAt } });
  });

  router.post('/api/officer/tickets/:ticketId/transfer', async (request, response) => {
    const target = parse(TransferSchema, request.body, 'Chọn cán bộ nhận chuyển ({"officerId"}) hoặc chuyển lại hàng chờ ({"queue": true}).');
    const ticket = await desk(() => deps.desk.transfer(request.officer!, ticketId(request), target));
    response.json({ ticket });
  });

  router.post('/api/officer/tickets/:ticketId/close', async (request, response) => {
    const { reason } = parse(CloseSchema, request.body, `Lý do kết thúc ("reason") phải là một trong: ${END_REASONS.join(', ')}.`);
    const ticket = await desk(() => deps.desk.close(request.officer!, ticketId(request), reason));
    response.json({ ticket });
  });

  router.get('/api/officer/events', (request: Request, response: Response) => {
    claimStreamSlot(deps.limits.streams, request, response);
    openOfficerStream(request, response, deps);
  });

  return router;
}
