/**
 * Sends one outbox item to Zalo. A customer-service message needs the messaging window: Zalo
 * allows a limited number of free replies (8) within 48 hours of the citizen's last message
 * (the "8 tin / 48 giờ" reply quota, e.g. https://docs.etelecom.vn/api-etelecom-english/api-integration/zalo-cloud/zalo-cloud-api/send-text-consulting),
 * so a reply is taken from the window first; outside it, a notice with a template fallback goes
 * out as a ZNS template and anything else is recorded as undeliverable — never sent to fail
 * silently. A rejected token (-216) is refreshed once and the message sent once more.
 */
import type { ChannelContacts, ReplyWindowRule } from '../../bot/delivery/channel-contacts.ts';
import type { OutboxItem } from '../../bot/delivery/outbox-store.ts';
import type { SendOutcome } from '../../bot/delivery/outbox-worker.ts';
import type { ZaloApiClient, ZaloCallResult, ZaloTemplateMessage } from './zalo-api-client.ts';
import { ZaloOAuthError } from './zalo-oauth-client.ts';
import type { ZaloCsMessage } from './zalo-render.ts';
import type { ZaloTokens } from './zalo-tokens.ts';

export const ZALO_REPLY_WINDOW: ReplyWindowRule = { maxReplies: 8, hours: 48 };

export interface ZaloSenderDeps {
  api: ZaloApiClient;
  tokens: ZaloTokens;
  contacts: ChannelContacts;
  /** Whether template notices are configured (ZALO_ZNS_TEMPLATE_*). */
  templatesEnabled: boolean;
  now?: () => Date;
}

/** A call with the current token; on a token rejection one refresh and one more call. */
async function withToken(tokens: ZaloTokens, call: (token: string) => Promise<ZaloCallResult>): Promise<ZaloCallResult> {
  try {
    const token = await tokens.current();
    const first = await call(token);
    if (first.ok || first.kind !== 'token') return first;
    return await call(await tokens.renew(token));
  } catch (error) {
    if (error instanceof ZaloOAuthError) {
      return { ok: false, kind: 'unavailable', code: null, detail: `${error.message}${error.kind === 'rejected' ? ' — re-authorise the OA (README: Zalo OA)' : ''}` };
    }
    throw error;
  }
}

function outcomeOf(result: ZaloCallResult, as: string): SendOutcome {
  if (result.ok) return { kind: 'sent', as };
  switch (result.kind) {
    case 'blocked':
      return { kind: 'failed', failure: 'blocked', error: result.detail };
    case 'window':
      return { kind: 'failed', failure: 'outside_window', error: result.detail };
    case 'rejected':
      return { kind: 'failed', failure: 'rejected', error: result.detail };
    default:
      return { kind: 'retry', error: result.detail };
  }
}

export function createZaloSender(deps: ZaloSenderDeps): (item: OutboxItem) => Promise<SendOutcome> {
  const now = deps.now ?? (() => new Date());

  async function viaTemplate(item: OutboxItem, why: string): Promise<SendOutcome> {
    const template = item.fallback as ZaloTemplateMessage | null;
    if (!template || !deps.templatesEnabled) {
      return { kind: 'failed', failure: 'outside_window', error: `${why}; no template notice configured for this message` };
    }
    const result = await withToken(deps.tokens, (token) => deps.api.sendTemplate(token, item.recipient, template, `outbox-${item.id}`));
    return outcomeOf(result, 'template');
  }

  return async (item) => {
    if (!(await deps.contacts.useReply(item.conversationId, ZALO_REPLY_WINDOW, now()))) {
      return viaTemplate(item, 'outside the messaging window (48 h, 8 free replies)');
    }
    const result = await withToken(deps.tokens, (token) => deps.api.sendCs(token, item.recipient, item.body as ZaloCsMessage));
    if (result.ok) return { kind: 'sent', as: 'message' };
    // Not delivered: the reply taken from the window is given back.
    await deps.contacts.refundReply(item.conversationId);
    if (result.kind === 'window') return viaTemplate(item, result.detail);
    return outcomeOf(result, 'message');
  };
}
