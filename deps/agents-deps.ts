/**
 * Wires the portal's Bot Framework endpoint (`POST /api/messages`, Microsoft 365 Agents SDK): the
 * Azure credentials from the config (absent = loopback development), and the push of later
 * messages (officer replies, notices) to Bot Framework conversations through the shared outbox —
 * its worker started by main.ts (or a test), its delivery listening to every EventHub event.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../bot/delivery/outbox-worker.ts';
import type { EventHub } from '../bot/events/event-hub.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlChannelContacts } from '../adapters/sql/sql-channel-contact-store.ts';
import { createSqlOutboxStore } from '../adapters/sql/sql-outbox-store.ts';
import { BOTFRAMEWORK_CHANNEL, createAgentsDelivery, type AgentsDelivery } from '../channels/directline/agents-delivery.ts';
import { createConnectorSend } from '../channels/directline/agents-connector.ts';
import type { OutboxStore } from '../bot/delivery/outbox-store.ts';

export interface AgentsDeps {
  /** The Azure Bot's app registration, when configured (never logged). */
  credentials?: { clientId: string; clientSecret: string; tenantId: string };
  delivery: AgentsDelivery;
  outbox: OutboxStore;
  worker: OutboxWorker;
  /** Starts the outbox worker (main.ts; tests that want it running). */
  start(): void;
  stop(): Promise<void>;
}

export function createAgentsDeps(input: {
  config: Config;
  db: Db;
  store: ConversationStore;
  events: EventHub;
  log: Logger;
  now?: () => Date;
  worker?: Partial<OutboxWorkerOptions>;
}): AgentsDeps {
  const { agentsClientId: clientId, agentsClientSecret: clientSecret, agentsTenantId: tenantId } = input.config;
  const credentials = clientId && clientSecret && tenantId ? { clientId, clientSecret, tenantId } : undefined;
  const log = input.log.child({ channel: BOTFRAMEWORK_CHANNEL });
  const outbox = createSqlOutboxStore(input.db);
  let worker: OutboxWorker | undefined;
  const delivery = createAgentsDelivery({
    store: input.store,
    contacts: createSqlChannelContacts(input.db),
    outbox,
    connector: createConnectorSend(credentials),
    kick: () => worker?.kick(),
    log,
    ...(input.now ? { now: input.now } : {}),
  });
  worker = createOutboxWorker({
    outbox,
    channel: BOTFRAMEWORK_CHANNEL,
    send: delivery.send,
    beforeRound: async () => {
      await delivery.catchUp();
    },
    ...(input.worker ? { options: input.worker } : {}),
    log,
    ...(input.now ? { now: input.now } : {}),
  });
  const unsubscribe = input.events.subscribeAll(delivery.onEvent);
  const running = worker;
  return {
    ...(credentials ? { credentials } : {}),
    delivery,
    outbox,
    worker: running,
    start: () => running.start(),
    async stop() {
      unsubscribe();
      await running.stop();
    },
  };
}
