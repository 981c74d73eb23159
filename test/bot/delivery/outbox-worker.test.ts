/**
 * The outbox worker on a real database: exponential backoff with jitter between attempts, an item
 * that keeps failing is given up after its attempts (recorded, not retried forever), a failure
 * that cannot succeed is recorded at once, a sender that throws is retried, stop() waits for the round.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backoffDelay, createOutboxWorker, type SendOutcome } from '../../../bot/delivery/outbox-worker.ts';
import { createSqlOutboxStore } from '../../../adapters/sql/sql-outbox-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;

describe('outbox worker', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await pglite.create();
  }, 120_000);
  afterAll(async () => database?.dispose());

  test('backoff doubles from the base, capped, within ±20 %', () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, options, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffDelay(1, options, () => 0)).toBe(800);
    expect(backoffDelay(1, options, () => 1)).toBe(1200);
  });

  test('retries with backoff until it gives up; a hopeless failure is recorded at once; a throwing sender is retried', async () => {
    const outbox = createSqlOutboxStore(database.db);
    let clock = new Date('2026-03-02T08:00:00Z').getTime();
    const now = () => new Date(clock);
    const outcomes: Record<string, SendOutcome | 'throw'> = { 'w-1': { kind: 'retry', error: 'HTTP 503' }, 'w-2': { kind: 'failed', failure: 'blocked', error: 'Zalo error -213' }, 'w-3': 'throw' };
    const attempts: string[] = [];
    const worker = createOutboxWorker({
      outbox,
      channel: 'test',
      now,
      random: () => 0.5,
      options: { baseDelayMs: 1000, maxDelayMs: 4000, maxAttempts: 3 },
      async send(item) {
        attempts.push(item.conversationId);
        const outcome = outcomes[item.conversationId]!;
        if (outcome === 'throw') {
          outcomes[item.conversationId] = { kind: 'sent', as: 'message' };
          throw new Error('socket hang up');
        }
        return outcome;
      },
    });
    await outbox.enqueue(['w-1', 'w-2', 'w-3'].map((id, i) => ({ channel: 'test', conversationId: id, recipient: 'u', messageId: 500 + i, part: 0, body: {} })), now());

    expect(await worker.runOnce()).toBe(3);
    expect((await outbox.forConversation('w-2'))[0]).toMatchObject({ status: 'failed', failure: 'blocked' });
    const [retried] = await outbox.forConversation('w-1');
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503', nextAttemptAt: new Date(clock + 1000).toISOString() });
    expect(await worker.runOnce()).toBe(0); // not due yet

    clock += 1000;
    expect(await worker.runOnce()).toBe(2); // w-1 again, w-3 after its throw
    expect((await outbox.forConversation('w-3'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await outbox.forConversation('w-1'))[0]!.nextAttemptAt).toBe(new Date(clock + 2000).toISOString());

    clock += 2000;
    await worker.runOnce();
    expect((await outbox.forConversation('w-1'))[0]).toMatchObject({ status: 'failed', failure: 'gave_up', attempts: 3, lastError: 'HTTP 503' });
    expect(attempts.filter((id) => id === 'w-1')).toHaveLength(3);
    await worker.stop();
  });

  test('start() sends on its own and stop() ends it', async () => {
    const outbox = createSqlOutboxStore(database.db);
    const sent: number[] = [];
    const worker = createOutboxWorker({
      outbox,
      channel: 'timer',
      options: { pollMs: 20 },
      async send(item) {
        sent.push(item.messageId);
        return { kind: 'sent', as: 'message' };
      },
    });
    worker.start();
    await outbox.enqueue([{ channel: 'timer', conversationId: 't-1', recipient: 'u', messageId: 900, part: 0, body: {} }], new Date());
    await expect.poll(() => sent, { timeout: 5000 }).toEqual([900]);
    await worker.stop();
    await outbox.enqueue([{ channel: 'timer', conversationId: 't-1', recipient: 'u', messageId: 901, part: 0, body: {} }], new Date());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toEqual([900]);
  });
});
