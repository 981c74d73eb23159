/** OutboxStore conformance on every Db: idempotent enqueue, head-first claims in order, leases, retries and recorded failures. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlOutboxStore } from '../../adapters/sql/sql-outbox-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const item = (conversationId: string, messageId: number, part = 0) => ({
  channel: 'zalo',
  conversationId,
  recipient: '8167403311712038752',
  messageId,
  part,
  body: { text: `m${messageId}.${part}` },
});

describe.each(DB_FACTORIES)('OutboxStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('enqueue stores each part once; big recipient ids stay exact strings', async () => {
    const outbox = createSqlOutboxStore(database.db);
    expect(await outbox.enqueue([item('o-1', 1), item('o-1', 1, 1)], T0)).toBe(2);
    expect(await outbox.enqueue([item('o-1', 1), item('o-1', 2)], T0)).toBe(1);
    const stored = await outbox.forConversation('o-1');
    expect(stored.map((o) => [o.messageId, o.part, o.status])).toEqual([
      [1, 0, 'pending'],
      [1, 1, 'pending'],
      [2, 0, 'pending'],
    ]);
    expect(stored[0]!.recipient).toBe('8167403311712038752');
    expect(await outbox.pendingCount('zalo', 'o-1')).toBe(3);
  });

  test('only the first pending part of a conversation is claimed, leased, then the next once it is sent', async () => {
    const outbox = createSqlOutboxStore(database.db);
    await outbox.enqueue([item('o-2', 10), item('o-2', 10, 1), item('o-3', 11)], T0);
    const first = (await outbox.claim('zalo', T0, 10, at(60))).filter((o) => o.conversationId !== 'o-1');
    expect(first.map((o) => [o.conversationId, o.messageId, o.part, o.attempts])).toEqual([
      ['o-2', 10, 0, 1],
      ['o-3', 11, 0, 1],
    ]);
    // Leased: nobody else gets them (or what follows them) until the lease runs out.
    expect((await outbox.claim('zalo', at(1), 10, at(61))).filter((o) => o.conversationId !== 'o-1')).toEqual([]);
    await outbox.markSent(first[0]!.id, 'message', at(2));
    const next = (await outbox.claim('zalo', at(2), 10, at(62))).filter((o) => o.conversationId === 'o-2');
    expect(next.map((o) => [o.messageId, o.part])).toEqual([[10, 1]]);
    // A lease that ran out (the sender died) makes the part claimable again.
    const again = (await outbox.claim('zalo', at(200), 10, at(260))).filter((o) => o.conversationId === 'o-3');
    expect(again.map((o) => o.attempts)).toEqual([2]);
  });

  test('a retried part waits for its time and holds back the parts after it; a failed one lets them go', async () => {
    const outbox = createSqlOutboxStore(database.db);
    await outbox.enqueue([item('o-4', 20), item('o-4', 21)], T0);
    const [head] = (await outbox.claim('zalo', T0, 50, at(60))).filter((o) => o.conversationId === 'o-4');
    await outbox.retryAt(head!.id, at(30), 'HTTP 503');
    expect((await outbox.claim('zalo', at(10), 50, at(70))).filter((o) => o.conversationId === 'o-4')).toEqual([]);
    const retried = (await outbox.claim('zalo', at(30), 50, at(90))).filter((o) => o.conversationId === 'o-4');
    expect(retried.map((o) => [o.messageId, o.attempts, o.lastError])).toEqual([[20, 2, 'HTTP 503']]);
    await outbox.markFailed(retried[0]!.id, 'blocked', 'Zalo -213: user has not followed the OA', at(31));
    const after = (await outbox.claim('zalo', at(31), 50, at(91))).filter((o) => o.conversationId === 'o-4');
    expect(after.map((o) => o.messageId)).toEqual([21]);
    expect(await outbox.forConversation('o-4', { status: 'failed' })).toMatchObject([
      { messageId: 20, failure: 'blocked', lastError: expect.stringContaining('-213') },
    ]);
  });

  test('two claimers at once never get the same part', async () => {
    const outbox = createSqlOutboxStore(database.db);
    await outbox.enqueue(
      Array.from({ length: 12 }, (_, i) => item(`o-5-${i}`, 100 + i)),
      T0,
    );
    const [a, b] = await Promise.all([outbox.claim('zalo', T0, 8, at(60)), outbox.claim('zalo', T0, 8, at(60))]);
    const ids = [...a!, ...b!].filter((o) => o.conversationId.startsWith('o-5-')).map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
