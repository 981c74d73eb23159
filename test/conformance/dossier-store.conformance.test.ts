/**
 * The built-in dossier store, the lookup audit log and the subscriptions, on every Db
 * implementation: idempotent pushes, status history, concurrent first pushes, audit counts in
 * a time window (what rate limits and lockouts are computed from).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlDossierAuditLog } from '../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierSubscriptions } from '../../adapters/sql/sql-dossier-subscription-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { DEMO_CODES, seedDemoDossiers } from '../../knowledge/dossiers/demo-dossiers.ts';
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import { sampleDossier } from '../support/dossier.ts';
import { createSqlDossierStore } from '../../adapters/sql/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

function dossier(code: string, extra: Partial<Dossier> = {}): Dossier {
  return sampleDossier(code, { status: 'received', agency: 'UBND phường Bến Nghé', ...extra });
}

describe.each(DB_FACTORIES)('Dossier store conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('create, find, and a repeated push changes nothing', async () => {
    const store = createSqlDossierStore(database.db);
    const code = '000.00.19.H53-250303-0001';
    expect(await store.find(code)).toBeNull();
    const first = await store.upsert(dossier(code));
    expect(first).toMatchObject({ result: 'created', statusChanged: true, previousStatus: null });
    expect(await store.find(code)).toEqual(dossier(code));
    const again = await store.upsert(dossier(code, { updatedAt: '2025-03-03T05:00:00.000Z' }));
    expect(again).toMatchObject({ result: 'unchanged', statusChanged: false });
    expect((await store.find(code))?.updatedAt).toBe('2025-03-03T01:00:00.000Z');
    expect(await store.history(code)).toHaveLength(1);
  });

  test('status changes are kept as history; other changes update without a history entry', async () => {
    const store = createSqlDossierStore(database.db);
    const code = '000.00.19.H53-250303-0002';
    await store.upsert(dossier(code));
    expect(await store.upsert(dossier(code, { step: 'Thẩm định', updatedAt: '2025-03-04T01:00:00.000Z' }))).toMatchObject({
      result: 'updated',
      statusChanged: false,
    });
    const changed = await store.upsert(dossier(code, { status: 'need_supplement', note: 'Bản sao Giấy chứng sinh', updatedAt: '2025-03-05T01:00:00.000Z' }));
    expect(changed).toMatchObject({ result: 'updated', statusChanged: true, previousStatus: 'received' });
    await store.upsert(dossier(code, { status: 'result_ready', updatedAt: '2025-03-06T01:00:00.000Z' }));
    const history = await store.history(code);
    expect(history.map((h) => h.status)).toEqual(['received', 'need_supplement', 'result_ready']);
    expect(history[1]).toEqual({ status: 'need_supplement', step: null, note: 'Bản sao Giấy chứng sinh', changedAt: '2025-03-05T01:00:00.000Z' });
  });

  test('two first pushes racing create one dossier and one history entry', async () => {
    const store = createSqlDossierStore(database.db);
    const code = '000.00.19.H53-250303-0003';
    const results = await Promise.all([store.upsert(dossier(code)), store.upsert(dossier(code))]);
    expect(results.map((r) => r.result).sort()).toEqual(['created', 'unchanged']);
    expect(await store.history(code)).toHaveLength(1);
  });

  test('demo dossiers are seeded while no real dossier exists, and counted apart', async () => {
    const fresh = await factory.create();
    try {
      const store = createSqlDossierStore(fresh.db);
      expect(await seedDemoDossiers(store)).toEqual(DEMO_CODES);
      expect(await store.count()).toBe(DEMO_CODES.length);
      expect(await store.count({ realOnly: true })).toBe(0);
      expect(new Set((await Promise.all(DEMO_CODES.map((c) => store.find(c)))).map((d) => d?.status)).size).toBe(7);
      await store.upsert(dossier('000.00.19.H53-250303-0009'));
      expect(await seedDemoDossiers(store)).toEqual([]);
      expect(await store.count({ realOnly: true })).toBe(1);
    } finally {
      await fresh.dispose();
    }
  });

  test('the audit log counts entries in a window by conversation, client and code', async () => {
    const audit = createSqlDossierAuditLog(database.db);
    const base = { action: 'lookup' as const, code: '000.00.19.H53-250303-0001', channel: 'webchat' };
    const t0 = new Date('2025-03-05T03:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await audit.record({ ...base, outcome: 'found', conversationId: 'a', clientKey: 'ip:1', at: at(0) });
    await audit.record({ ...base, outcome: 'not_found', conversationId: 'a', clientKey: 'ip:1', at: at(5) });
    await audit.record({ ...base, outcome: 'rate_limited', conversationId: 'a', clientKey: 'ip:1', at: at(6) });
    await audit.record({ ...base, outcome: 'found', conversationId: 'b', clientKey: 'ip:1', at: at(7) });
    await audit.record({ ...base, action: 'verify', outcome: 'wrong_digits', conversationId: 'b', clientKey: 'ip:2', at: at(8) });

    expect(await audit.count({ action: 'lookup', since: at(0), conversationId: 'a' })).toEqual({ count: 3, oldest: at(0).toISOString() });
    expect(await audit.count({ action: 'lookup', since: at(1), conversationId: 'a', outcomes: ['found', 'not_found'] })).toEqual({
      count: 1,
      oldest: at(5).toISOString(),
    });
    expect((await audit.count({ action: 'lookup', since: at(0), clientKey: 'ip:1' })).count).toBe(4);
    expect((await audit.count({ action: 'verify', since: at(0), code: base.code, outcomes: ['wrong_digits'] })).count).toBe(1);
    expect(await audit.count({ action: 'verify', since: at(9) })).toEqual({ count: 0, oldest: null });
    const entries = await audit.entries({ conversationId: 'b' });
    expect(entries.map((e) => [e.action, e.outcome, e.clientKey])).toEqual([
      ['lookup', 'found', 'ip:1'],
      ['verify', 'wrong_digits', 'ip:2'],
    ]);
  });

  test('subscriptions: one per conversation and dossier; removed with the conversation', async () => {
    const subscriptions = createSqlDossierSubscriptions(database.db);
    const conversations = createSqlConversationStore(database.db);
    await conversations.ensure(`sub-${factory.name}-1`, 'webchat');
    await conversations.ensure(`sub-${factory.name}-2`, 'webchat');
    const code = '000.00.19.H53-250303-0002';
    expect(await subscriptions.add(code, { conversationId: `sub-${factory.name}-1`, channel: 'webchat' })).toBe(true);
    expect(await subscriptions.add(code, { conversationId: `sub-${factory.name}-1`, channel: 'webchat' })).toBe(false);
    expect(await subscriptions.add(code, { conversationId: `sub-${factory.name}-2`, channel: 'webchat' })).toBe(true);
    expect((await subscriptions.subscribers(code)).map((s) => s.conversationId)).toEqual([`sub-${factory.name}-1`, `sub-${factory.name}-2`]);
    expect(await subscriptions.remove(code, `sub-${factory.name}-2`)).toBe(true);
    expect(await subscriptions.remove(code, `sub-${factory.name}-2`)).toBe(false);
    expect(await subscriptions.subscribers(code)).toEqual([{ conversationId: `sub-${factory.name}-1`, channel: 'webchat' }]);
  });
});
