/** Handoff tickets: every transition of the table, and races, on every Db implementation. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HANDOFF_STATES, HANDOFF_TRANSITIONS, InvalidTransitionError, canTransition } from '../../bot/handoff/handoff-states.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { TicketConflictError } from '../../bot/handoff/ticket-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

test('the transition table is the validator', () => {
  for (const from of HANDOFF_STATES) {
    for (const to of HANDOFF_STATES) {
      expect(canTransition(from, to)).toBe((HANDOFF_TRANSITIONS[from] as readonly string[]).includes(to));
    }
  }
  expect(canTransition('closed', 'with_officer')).toBe(false);
  expect(canTransition('bot', 'with_officer')).toBe(false);
});

describe.each(DB_FACTORIES)('TicketStore conformance: $name', (factory) => {
  let database: TestDatabase;
  let seq = 0;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  async function freshConversation(): Promise<string> {
    const id = `conv-${factory.name}-${(seq += 1)}`;
    await createSqlConversationStore(database.db).ensure(id, 'webchat');
    return id;
  }

  test('open → claim → close, bumping the conversation version each time', async () => {
    const tickets = createSqlTicketStore(database.db);
    const conversations = createSqlConversationStore(database.db);
    const conversationId = await freshConversation();
    const { ticket, created } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request', sector: 'Hộ tịch' });
    expect(created).toBe(true);
    expect(ticket).toMatchObject({ state: 'waiting_officer', sector: 'Hộ tịch', officerId: null });
    expect(await conversations.get(conversationId)).toMatchObject({ version: 1, handoffOpen: true });
    const claimed = await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'o-1' });
    expect(claimed).toMatchObject({ state: 'with_officer', officerId: 'o-1' });
    expect(claimed.claimedAt).not.toBeNull();
    const closed = await tickets.transition(claimed.id, claimed.version, 'closed', { endReason: 'resolved' });
    expect(closed).toMatchObject({ state: 'closed', endReason: 'resolved' });
    expect(await conversations.get(conversationId)).toMatchObject({ version: 3, handoffOpen: false });
    expect(await tickets.openFor(conversationId)).toBeNull();
  });

  test('a second open for the same conversation returns the open ticket, never two', async () => {
    const tickets = createSqlTicketStore(database.db);
    const conversationId = await freshConversation();
    const [a, b] = await Promise.all([
      tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request' }),
      tickets.open({ conversationId, channel: 'webchat', trigger: 'repeated_failure' }),
    ]);
    expect(a.ticket.id).toBe(b.ticket.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
  });

  test('two officers claim at once: exactly one wins', async () => {
    const tickets = createSqlTicketStore(database.db);
    const conversationId = await freshConversation();
    const { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request' });
    const results = await Promise.allSettled([
      tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'o-a' }),
      tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'o-b' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(TicketConflictError);
  });

  test('a transition outside the table is refused', async () => {
    const tickets = createSqlTicketStore(database.db);
    const conversationId = await freshConversation();
    const { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request' });
    const closed = await tickets.transition(ticket.id, ticket.version, 'closed', { endReason: 'no_officer_available' });
    await expect(tickets.transition(closed.id, closed.version, 'with_officer')).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  test('the queue lists waiting tickets oldest first; a transfer back re-queues', async () => {
    const tickets = createSqlTicketStore(database.db);
    const first = await tickets.open({ conversationId: await freshConversation(), channel: 'webchat', trigger: 'citizen_request' });
    const second = await tickets.open({ conversationId: await freshConversation(), channel: 'zalo', trigger: 'repeated_failure' });
    const queueIds = (await tickets.queue()).map((t) => t.id);
    expect(queueIds.indexOf(first.ticket.id)).toBeLessThan(queueIds.indexOf(second.ticket.id));
    const claimed = await tickets.transition(first.ticket.id, first.ticket.version, 'with_officer', { officerId: 'o-1' });
    expect((await tickets.queue()).map((t) => t.id)).not.toContain(first.ticket.id);
    const back = await tickets.transition(claimed.id, claimed.version, 'waiting_officer');
    expect(back.officerId).toBeNull();
    expect((await tickets.queue()).map((t) => t.id)).toContain(first.ticket.id);
  });
});
