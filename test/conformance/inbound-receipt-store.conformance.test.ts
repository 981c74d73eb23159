/** InboundReceipts conformance on every Db: a delivery is accepted once, unfinished ones come back after their lease, failures retry or give up. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlInboundReceipts } from '../../adapters/sql/sql-inbound-receipt-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(DB_FACTORIES)('InboundReceipts conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('the same key is accepted once, even by two receivers at once', async () => {
    const receipts = createSqlInboundReceipts(database.db);
    const event = { event_name: 'user_send_text', sender: { id: '8167403311712038752' } };
    const results = await Promise.all([receipts.accept('zalo', 'msg-1', event, at(60)), receipts.accept('zalo', 'msg-1', event, at(60))]);
    expect(results.sort()).toEqual([false, true]);
    expect(await receipts.accept('zalo', 'msg-1', event, at(60))).toBe(false);
    expect(await receipts.accept('other', 'msg-1', event, at(60))).toBe(true);
  });

  test('an unprocessed event comes back once its lease runs out; a processed one never', async () => {
    const receipts = createSqlInboundReceipts(database.db);
    await receipts.accept('zalo', 'msg-2', { n: 2 }, at(60));
    await receipts.accept('zalo', 'msg-3', { n: 3 }, at(60));
    await receipts.processed('zalo', 'msg-3', at(1));
    expect(await receipts.due('zalo', at(30), 10, at(90))).toEqual([]);
    const due = await receipts.due('zalo', at(61), 10, at(121));
    expect(due.filter((r) => r.key !== 'msg-1')).toEqual([{ channel: 'zalo', key: 'msg-2', event: { n: 2 }, attempts: 2 }]);
    expect((await receipts.due('zalo', at(62), 10, at(122))).filter((r) => r.key === 'msg-2')).toEqual([]);
  });

  test('a failure retries at its time, or gives up', async () => {
    const receipts = createSqlInboundReceipts(database.db);
    await receipts.accept('zalo', 'msg-4', {}, at(0));
    await receipts.failed('zalo', 'msg-4', 'assistant not ready', at(300));
    expect((await receipts.due('zalo', at(100), 10, at(160))).map((r) => r.key)).not.toContain('msg-4');
    expect((await receipts.due('zalo', at(300), 10, at(360))).map((r) => r.key)).toContain('msg-4');
    const before = await receipts.unprocessedCount('zalo');
    await receipts.failed('zalo', 'msg-4', 'gave up', null);
    expect(await receipts.unprocessedCount('zalo')).toBe(before - 1);
  });
});
