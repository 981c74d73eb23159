/**
 * Dossier lookup and verification limits under concurrency (issue 13, finding 3), on PGlite and
 * PostgreSQL: a burst of lookups is answered at most up to the limit, and a burst of guesses of
 * the last 4 digits is evaluated at most up to the lockout — the applicant is never shown after it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDossierLookupService } from '../../../bot/dossiers/dossier-lookup-service.ts';
import { createSqlDossierAuditLog } from '../../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierSubscriptions } from '../../../adapters/sql/sql-dossier-subscription-store.ts';
import { DEFAULT_GUARD_POLICY } from '../../../bot/dossiers/lookup-guard.ts';
import type { DossierAsker, DossierLookup } from '../../../bot/deps.ts';
import { BotError } from '../../../bot/errors.ts';
import { createSqlDossierStore } from '../../../adapters/sql/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { sampleDossier as dossier } from '../../support/dossier.ts';


describe.each(DB_FACTORIES)('dossier limits under concurrency on $name', (factory) => {
  let database: TestDatabase;
  let desk: DossierLookup;
  let seq = 0;
  const asker = (extra: Partial<DossierAsker> = {}): DossierAsker => ({
    conversationId: `race-${(seq += 1)}`,
    channel: 'webchat',
    at: new Date(),
    clientKey: `ip:192.0.2.${seq % 250}`,
    ...extra,
  });
  const outcomes = async (code: string) => (await createSqlDossierAuditLog(database.db).entries({ code, limit: 1000 })).map((e) => e.outcome);

  beforeAll(async () => {
    database = await factory.create();
    const store = createSqlDossierStore(database.db);
    for (let i = 1; i <= 4; i += 1) await store.upsert(dossier(`000.00.19.H53-250303-050${i}`));
    desk = createDossierLookupService({ source: store, audit: createSqlDossierAuditLog(database.db), subscriptions: createSqlDossierSubscriptions(database.db) });
  }, 120_000);
  afterAll(async () => database?.dispose());

  /** Runs all at once; each settles to the value or the BotError code. */
  const burst = <T>(calls: Array<() => Promise<T>>) =>
    Promise.all(calls.map((call) => call().catch((error: unknown) => (error instanceof BotError ? error.code : Promise.reject(error)))));

  test('300 concurrent lookups from one client: at most the per-client limit answered', async () => {
    const code = '000.00.19.H53-250303-0501';
    const results = await burst(Array.from({ length: 300 }, () => () => desk.lookup(code, asker({ clientKey: 'ip:203.0.113.5' }))));
    const answered = results.filter((r) => typeof r === 'object' && r !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThanOrEqual(DEFAULT_GUARD_POLICY.maxLookupsPerClient);
    expect(results.filter((r) => r === 'dossier_rate_limited').length).toBe(300 - answered.length);
    expect((await outcomes(code)).filter((o) => o === 'found').length).toBe(answered.length);
  }, 120_000);

  test('300 concurrent lookups in one conversation: at most the per-conversation limit answered', async () => {
    const code = '000.00.19.H53-250303-0502';
    const one = asker();
    const results = await burst(Array.from({ length: 300 }, (_, i) => () => desk.lookup(code, { ...one, clientKey: `ip:198.51.100.${i % 250}` })));
    const answered = results.filter((r) => typeof r === 'object' && r !== null).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(DEFAULT_GUARD_POLICY.maxLookupsPerConversation);
  }, 120_000);

  test('50 concurrent wrong guesses, then the right one: at most the limit evaluated, the applicant never shown', async () => {
    const code = '000.00.19.H53-250303-0503';
    // Each guess from its own conversation and client, so only the per-dossier limit can hold them.
    const results = await burst(Array.from({ length: 50 }, (_, i) => () => desk.verify!(code, String(1000 + i), asker())));
    expect(results.filter((r) => typeof r === 'object' && r.kind !== 'locked').length).toBeLessThanOrEqual(DEFAULT_GUARD_POLICY.maxFailuresPerDossier);
    const evaluated = (await outcomes(code)).filter((o) => o === 'wrong_digits' || o === 'verified');
    expect(evaluated.length).toBeLessThanOrEqual(DEFAULT_GUARD_POLICY.maxFailuresPerDossier);
    const right = await desk.verify!(code, '4321', asker());
    expect(right).toMatchObject({ kind: 'locked' });
    expect(JSON.stringify(right)).not.toMatch(/Trần Thị Bình|4321/);
  }, 120_000);

  test('a burst of 49 wrong guesses with the right one last: it is not evaluated past the limit', async () => {
    const code = '000.00.19.H53-250303-0504';
    const results = await burst(Array.from({ length: 50 }, (_, i) => () => desk.verify!(code, i === 49 ? '4321' : String(2000 + i), asker())));
    expect(results[49]).toMatchObject({ kind: 'locked' });
    expect(results.filter((r) => typeof r === 'object' && r.kind === 'verified')).toEqual([]);
    expect((await outcomes(code)).filter((o) => o === 'wrong_digits' || o === 'verified').length).toBeLessThanOrEqual(DEFAULT_GUARD_POLICY.maxFailuresPerDossier);
  }, 120_000);
});
