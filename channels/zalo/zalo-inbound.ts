/**
 * What happens to a verified Zalo event after the webhook has answered 200: the citizen is
 * mapped to their conversation (OA id, user id → conversation id, durably), a text goes to the
 * conversation service (a pressed button's text back to its choice's payload) unless it is a
 * 👍/👎 press or the comment after a 👎 (the feedback control records those), anything else
 * gets a polite text answer, `follow` a greeting saying what the assistant can do, `unfollow` is
 * recorded; then the conversation's new messages go to the outbox. Accepted events are kept
 * (receipts), so a duplicate delivery is answered once and an unfinished one is retried.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ChannelInputError, type InboundMessage } from '../../bot/channel.ts';
import type { ConversationService } from '../../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { ChannelContacts } from '../../bot/delivery/channel-contacts.ts';
import type { InboundReceipts } from '../../bot/delivery/inbound-receipts.ts';
import { parseFeedbackPayload, type FeedbackControl } from '../../bot/insights/feedback-control.ts';
import type { QuickReply } from '../../bot/replies.ts';
import type { ZaloChannel } from './zalo-channel.ts';
import type { ZaloDelivery } from './zalo-delivery.ts';
import type { ZaloEvent } from './zalo-events.ts';
import { maskZaloId } from './zalo-ids.ts';
import { attachmentPlaceholder, attachmentReply, FOLLOW_GREETING } from './zalo-messages.ts';
import { pressText } from './zalo-render.ts';

/** How long the receiving instance has to process an event before the sweep may take it. */
const LEASE_MS = 60_000;
const RETRY_MS = 15_000;
const MAX_ATTEMPTS = 8;

export interface ZaloInboundDeps {
  channel: ZaloChannel;
  contacts: ChannelContacts;
  receipts: InboundReceipts;
  store: ConversationStore;
  conversations: ConversationService;
  /** 👍/👎 presses and the comment after a 👎: recorded, not run as turns. */
  feedback: FeedbackControl;
  delivery: ZaloDelivery;
  /** Whether the bot can answer yet (the assistant loads after the server listens). */
  botReady(): boolean;
  /** ZALO_OA_ID: events for another OA are acknowledged and ignored. */
  oaId?: string;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
}

export interface ZaloInbound {
  /** Keeps the event; false for a delivery already accepted (Zalo retried). */
  accept(event: ZaloEvent): Promise<boolean>;
  /** Processes an accepted event (never throws: a failure is retried later). */
  process(event: ZaloEvent): Promise<void>;
  /** Processes accepted events whose processing did not finish; returns how many. */
  recover(): Promise<number>;
}

const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The choice whose button sends exactly this text, if one was offered last. */
export function pressedChoice(offered: readonly QuickReply[], text: string): QuickReply | undefined {
  const said = fold(text);
  return offered.find((choice) => fold(pressText(choice)) === said || fold(choice.label) === said);
}

class NotReady extends Error {}

export function createZaloInbound(deps: ZaloInboundDeps): ZaloInbound {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;

  async function conversationOf(event: Extract<ZaloEvent, { userId: string }>) {
    const contact = await deps.contacts.link({ channel: 'zalo', accountId: event.oaId, userId: event.userId, conversationId: newId() });
    await deps.store.ensure(contact.conversationId, 'zalo');
    return contact;
  }

  async function handle(event: ZaloEvent, log: Logger): Promise<string | null> {
    if (event.kind === 'other') {
      log.info({ event: event.name }, 'zalo event acknowledged, nothing to do');
      return null;
    }
    if (deps.oaId && event.oaId !== deps.oaId) {
      log.warn({ event: event.name }, 'zalo event for another OA ignored');
      return null;
    }
    if (event.kind === 'text' && !deps.botReady()) throw new NotReady('assistant not ready');
    const contact = await conversationOf(event);
    const conversationId = contact.conversationId;
    const at = new Date(Math.min(event.timestamp, now().getTime()));
    switch (event.kind) {
      case 'unfollow':
        await deps.contacts.setFollowed(conversationId, false);
        log.info({ conversationId }, 'zalo citizen unfollowed the OA');
        return null;
      case 'follow':
        await deps.contacts.setFollowed(conversationId, true);
        await deps.contacts.touchInbound(conversationId, at);
        await deps.store.append(conversationId, [{ author: 'bot', text: FOLLOW_GREETING, intent: 'greeting' }]);
        return conversationId;
      case 'attachment': {
        await deps.contacts.touchInbound(conversationId, at);
        // While an officer holds the conversation the answer is the desk's, not the bot's.
        const officerHolds = (await deps.store.get(conversationId))?.handoffOpen ?? false;
        await deps.store.append(conversationId, [
          { author: 'citizen', text: attachmentPlaceholder(event.attachment) },
          { author: officerHolds ? 'system' : 'bot', text: attachmentReply(event.attachment), intent: 'unsupported_input' },
        ]);
        return conversationId;
      }
      case 'text': {
        await deps.contacts.touchInbound(conversationId, at);
        let inbound: InboundMessage;
        try {
          inbound = deps.channel.toInbound(event);
        } catch (error) {
          if (!(error instanceof ChannelInputError)) throw error;
          await deps.store.append(conversationId, [
            { author: 'citizen', text: event.text.slice(0, 2000) || '[Tin nhắn trống]' },
            { author: 'bot', text: error.userMessage, intent: 'unsupported_input' },
          ]);
          return conversationId;
        }
        // A 👍/👎 press (oa.query.hide) arrives as its payload; a pressed choice as its label.
        const rating = parseFeedbackPayload(inbound.text) ? inbound.text : undefined;
        const payload = rating ?? pressedChoice(contact.offered, inbound.text)?.payload;
        const feedback = await deps.feedback.intercept({ conversationId, text: inbound.text, payload, log });
        if (!feedback) await deps.conversations.handleCitizenMessage({ ...inbound, conversationId, ...(payload ? { payload } : {}), log });
        return conversationId;
      }
    }
  }

  async function process(event: ZaloEvent, attempts = 1): Promise<void> {
    const log = deps.log.child({ zaloEvent: event.name, ...('userId' in event ? { zaloUser: maskZaloId(event.userId) } : {}) });
    let conversationId: string | null;
    try {
      conversationId = await handle(event, log);
      await deps.receipts.processed('zalo', event.key, now());
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message : String(error);
      await deps.receipts.failed('zalo', event.key, reason, giveUp ? null : new Date(now().getTime() + RETRY_MS * attempts)).catch(() => undefined);
      if (error instanceof NotReady) log.info({ attempts }, 'zalo message waits for the assistant to load');
      else log[giveUp ? 'error' : 'warn']({ err: error, attempts }, giveUp ? 'zalo event given up' : 'zalo event failed, will retry');
      return;
    }
    if (conversationId) {
      await deps.delivery.sync(conversationId).catch((error: unknown) => log.warn({ err: error, conversationId }, 'zalo delivery sync failed; the sweep retries'));
    }
  }

  return {
    accept(event) {
      return deps.receipts.accept('zalo', event.key, event, new Date(now().getTime() + LEASE_MS));
    },
    process,
    async recover() {
      const at = now();
      const due = await deps.receipts.due('zalo', at, 20, new Date(at.getTime() + LEASE_MS));
      for (const receipt of due) await process(receipt.event as ZaloEvent, receipt.attempts);
      return due.length;
    },
  };
}
