/**
 * Wires the Zalo OA channel from the config when ZALO_APP_ID is set: the channel (signature
 * checks), the stores (contacts, receipts, tokens, outbox), the OA API and OAuth clients, the
 * delivery that turns stored messages into outbox items (subscribed to every EventHub event),
 * and the outbox worker main.ts starts and close() stops. Seeds the configured tokens once.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ConversationService } from '../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { ChannelContacts } from '../bot/delivery/channel-contacts.ts';
import type { DeliveryInsight } from '../bot/delivery/delivery-insight.ts';
import type { OutboxStore } from '../bot/delivery/outbox-store.ts';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../bot/delivery/outbox-worker.ts';
import type { EventHub } from '../bot/events/event-hub.ts';
import type { FeedbackControl } from '../bot/insights/feedback-control.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlChannelContacts } from '../adapters/sql/sql-channel-contact-store.ts';
import { createSqlChannelTokens } from '../adapters/sql/sql-channel-token-store.ts';
import { createSqlInboundReceipts } from '../adapters/sql/sql-inbound-receipt-store.ts';
import { createSqlOutboxStore } from '../adapters/sql/sql-outbox-store.ts';
import { createZaloApiClient } from '../channels/zalo/zalo-api-client.ts';
import { createZaloChannel, type ZaloChannel } from '../channels/zalo/zalo-channel.ts';
import { createZaloDelivery, type ZaloDelivery } from '../channels/zalo/zalo-delivery.ts';
import { createZaloInbound, type ZaloInbound } from '../channels/zalo/zalo-inbound.ts';
import { createZaloOAuthClient } from '../channels/zalo/zalo-oauth-client.ts';
import { createZaloSender, ZALO_REPLY_WINDOW } from '../channels/zalo/zalo-sender.ts';
import { createZaloTokens } from '../channels/zalo/zalo-tokens.ts';

export interface ZaloDeps {
  channel: ZaloChannel;
  inbound: ZaloInbound;
  delivery: ZaloDelivery;
  contacts: ChannelContacts;
  outbox: OutboxStore;
  worker: OutboxWorker;
  /** What officers see about reaching a Zalo citizen. */
  insight: DeliveryInsight;
  /** Starts the outbox worker (main.ts; tests that want it running). */
  start(): void;
  /** One round by hand: unfinished events, undelivered messages, then everything due. */
  tick(): Promise<number>;
  /** Work not finished yet: unprocessed events, undelivered messages, unsent outbox items (for tests and health). */
  pendingWork(conversationId?: string): Promise<number>;
  stop(): Promise<void>;
}

export interface ZaloSetupInput {
  config: Config;
  db: Db;
  store: ConversationStore;
  events: EventHub;
  conversations: ConversationService;
  feedback: FeedbackControl;
  botReady(): boolean;
  log: Logger;
  now?: () => Date;
  worker?: Partial<OutboxWorkerOptions>;
}

export class ZaloSetupError extends Error {}

/** The low-budget mark: this many free replies or fewer left. */
const LOW_REPLIES = 2;

export async function createZaloDeps(input: ZaloSetupInput): Promise<ZaloDeps | undefined> {
  const { config, db, log: parentLog } = input;
  if (!config.zaloAppId) return undefined;
  const log = parentLog.child({ channel: 'zalo' });
  const now = input.now ?? (() => new Date());
  const account = `zalo:${config.zaloAppId}`;

  const tokenStore = createSqlChannelTokens(db);
  // The configured pair seeds the database once (and again only when an operator configures a new one).
  const seedHash = createHash('sha256').update(`${config.zaloAccessToken ?? ''}\n${config.zaloRefreshToken ?? ''}`).digest('hex');
  if (!config.zaloRefreshToken) throw new ZaloSetupError('ZALO_REFRESH_TOKEN is required when ZALO_APP_ID is set');
  await tokenStore.seed(account, { accessToken: config.zaloAccessToken ?? '', refreshToken: config.zaloRefreshToken, expiresAt: config.zaloAccessToken ? null : new Date(0) }, seedHash);

  const channel = createZaloChannel({ appId: config.zaloAppId, oaSecretKey: config.zaloOaSecretKey as string, replayWindowSeconds: config.zaloReplayWindowSeconds, now });
  const contacts = createSqlChannelContacts(db);
  const outbox = createSqlOutboxStore(db);
  const receipts = createSqlInboundReceipts(db);
  const tokens = createZaloTokens({
    store: tokenStore,
    account,
    oauth: createZaloOAuthClient({ oauthBase: config.zaloOauthBase, appId: config.zaloAppId, appSecret: config.zaloAppSecret as string, timeoutMs: config.zaloApiTimeoutMs, now }),
    now,
  });
  const api = createZaloApiClient({ apiBase: config.zaloApiBase, znsBase: config.zaloZnsBase, timeoutMs: config.zaloApiTimeoutMs });

  let worker: OutboxWorker | undefined;
  const delivery = createZaloDelivery({
    store: input.store,
    contacts,
    outbox,
    channel,
    ...(config.zaloZnsTemplateStatus ? { statusTemplateId: config.zaloZnsTemplateStatus } : {}),
    kick: () => worker?.kick(),
    now,
    log,
  });
  const inbound = createZaloInbound({
    channel,
    contacts,
    receipts,
    store: input.store,
    conversations: input.conversations,
    feedback: input.feedback,
    delivery,
    botReady: input.botReady,
    ...(config.zaloOaId ? { oaId: config.zaloOaId } : {}),
    log,
    now,
  });
  worker = createOutboxWorker({
    outbox,
    channel: 'zalo',
    send: createZaloSender({ api, tokens, contacts, templatesEnabled: Boolean(config.zaloZnsTemplateStatus), now }),
    beforeRound: async () => {
      await inbound.recover();
      await delivery.catchUp();
    },
    ...(input.worker ? { options: input.worker } : {}),
    now,
    log,
  });
  const unsubscribe = input.events.subscribeAll(delivery.onEvent);
  const running = worker;

  const insight: DeliveryInsight = {
    async status(conversationId) {
      const window = await contacts.window(conversationId, ZALO_REPLY_WINDOW, now());
      if (!window) return null;
      const failed = await outbox.forConversation(conversationId, { status: 'failed' });
      return {
        channel: 'zalo',
        window: { ...window, low: window.remaining <= LOW_REPLIES },
        pending: await outbox.pendingCount('zalo', conversationId),
        failures: failed.map((item) => ({ messageId: item.messageId, failure: item.failure ?? 'rejected', error: item.lastError, at: item.sentAt })),
      };
    },
  };

  log.info({ replayWindowSeconds: config.zaloReplayWindowSeconds, templates: Boolean(config.zaloZnsTemplateStatus) }, 'zalo channel on');
  return {
    channel,
    inbound,
    delivery,
    contacts,
    outbox,
    worker: running,
    insight,
    start: () => running.start(),
    tick: () => running.runOnce(),
    async pendingWork(conversationId) {
      const behind = await contacts.behind('zalo', 1000);
      return (
        (await receipts.unprocessedCount('zalo')) +
        (conversationId ? behind.filter((id) => id === conversationId).length : behind.length) +
        (await outbox.pendingCount('zalo', conversationId))
      );
    },
    async stop() {
      unsubscribe();
      await running.stop();
    },
  };
}
