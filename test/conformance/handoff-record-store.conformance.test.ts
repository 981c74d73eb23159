/** HandoffRecords on every Db implementation: follow-ups, callback numbers, one rating per ticket. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createSqlHandoffRecords } from '../../adapters/sql/sql-handoff-record-store.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('HandoffRecords conformance: $name', (factory) => {
  let database: TestDatabase;
  let seq = 0;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  async function closedTicket(officerId: string | null) {
    const conversationId = `conv-${factory.name}-${(seq += 1)}`;
    await createSqlConversationStore(database.db).ensure(conversationId, 'webchat');
    const tickets = createSqlTicketStore(database.db);
    let { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request', sector: 'Hộ tịch' });
    if (officerId) ticket = await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId });
    return tickets.transition(ticket.id, ticket.version, 'closed', { endReason: officerId ? 'resolved' : 'no_officer_available' });
  }

  test('a follow-up is listed until done, with its callback number', async () => {
    const records = createSqlHandoffRecords(database.db);
    const ticket = await closedTicket(null);
    await records.setFollowUp(ticket.id, 'pending');
    await records.setCallbackPhone(ticket.id, '0901234567');
    expect((await records.followUps()).map((t) => t.id)).toContain(ticket.id);
    expect(await records.followUpOf(ticket.id)).toBe('pending');
    expect((await records.latestClosed(ticket.conversationId))?.ticket.callbackPhone).toBe('0901234567');
    await records.setFollowUp(ticket.id, 'done');
    expect((await records.followUps()).map((t) => t.id)).not.toContain(ticket.id);
  });

  test('a ticket is rated once; averages per officer', async () => {
    const records = createSqlHandoffRecords(database.db);
    const a = await closedTicket(`officer-${factory.name}`);
    const b = await closedTicket(`officer-${factory.name}`);
    expect(await records.rate(a, 5)).toBe(true);
    expect(await records.rate(a, 1)).toBe(false);
    expect(await records.rate(b, 4)).toBe(true);
    expect((await records.latestClosed(a.conversationId))?.rating).toBe(5);
    const mine = (await records.ratingsByOfficer()).find((r) => r.officerId === `officer-${factory.name}`);
    expect(mine).toEqual({ officerId: `officer-${factory.name}`, average: 4.5, count: 2 });
  });
});
