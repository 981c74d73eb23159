/**
 * The dossier desk and its dialog, on a real database: verification with the last 4 digits of
 * the applicant's phone, lockout after repeated failures (per conversation, per dossier, per
 * client), rate limits on lookups, subscriptions, and the audit log of every attempt.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDossierLookupService, lastFourMatch } from '../../../bot/dossiers/dossier-lookup-service.ts';
import { createSqlDossierAuditLog } from '../../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierSubscriptions } from '../../../adapters/sql/sql-dossier-subscription-store.ts';
import type { DossierAsker, DossierLookup, TurnDeps } from '../../../bot/deps.ts';
import { sampleDossier } from '../../support/dossier.ts';
import { BotError } from '../../../bot/errors.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { handleTurn, type TurnOutcome } from '../../../bot/turn.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Dossier } from '../../../knowledge/dossiers/dossier.ts';
import { DossierSourceUnavailableError, type DossierSource } from '../../../knowledge/dossiers/dossier-source.ts';
import { createSqlDossierStore } from '../../../adapters/sql/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;
const T0 = new Date('2025-03-05T03:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function dossier(code: string, extra: Partial<Dossier> = {}): Dossier {
  return sampleDossier(code, { step: 'Thẩm định hồ sơ', agency: 'UBND phường Bến Nghé', ...extra });
}

describe('dossier desk', () => {
  let database: TestDatabase;
  let seq = 0;
  beforeAll(async () => {
    database = await pglite.create();
    const store = createSqlDossierStore(database.db);
    for (let i = 1; i <= 3; i += 1) await store.upsert(dossier(`000.00.19.H53-250303-000${i}`));
  }, 60_000);
  afterAll(async () => database?.dispose());

  function desk(source: DossierSource = createSqlDossierStore(database.db), policy = {}): DossierLookup {
    return createDossierLookupService({
      source,
      audit: createSqlDossierAuditLog(database.db),
      subscriptions: createSqlDossierSubscriptions(database.db),
      policy,
    });
  }

  async function asker(at = T0, clientKey?: string): Promise<DossierAsker> {
    const conversationId = `desk-${(seq += 1)}`;
    await createSqlConversationStore(database.db).ensure(conversationId, 'webchat');
    return { conversationId, channel: 'webchat', at, ...(clientKey ? { clientKey } : {}) };
  }

  test('last-four comparison', () => {
    expect(lastFourMatch('0987654321', '4321')).toBe(true);
    expect(lastFourMatch('+84 987 654 321', '4321')).toBe(true);
    expect(lastFourMatch('0987654321', '1234')).toBe(false);
    expect(lastFourMatch('0987654321', '')).toBe(false);
  });

  test('the public lookup has no applicant; verification shows it, masked', async () => {
    const d = desk();
    const who = await asker();
    const status = await d.lookup('000.00.19.H53-250303-0001', who);
    expect(JSON.stringify(status)).not.toMatch(/Trần Thị Bình|0987654321/);
    expect(status).toMatchObject({ state: 'processing', status: 'Đang xử lý', dueDate: '2025-03-07', workingDaysLeft: 2 });
    expect(await d.verify!('000.00.19.H53-250303-0001', '4321', who)).toEqual({
      kind: 'verified',
      applicant: { name: 'Trần Thị Bình', maskedPhone: '******4321' },
    });
    expect(await d.verify!('000.00.19.H53-250303-0404', '4321', who)).toEqual({ kind: 'not_found' });
  });

  test('three wrong answers in one conversation lock it out, even for the right digits, until the window passes', async () => {
    const d = desk();
    const code = '000.00.19.H53-250303-0001';
    const who = await asker();
    expect(await d.verify!(code, '1111', { ...who, at: minutes(0) })).toEqual({ kind: 'wrong_digits', attemptsLeft: 2 });
    expect(await d.verify!(code, '2222', { ...who, at: minutes(1) })).toEqual({ kind: 'wrong_digits', attemptsLeft: 1 });
    const third = await d.verify!(code, '3333', { ...who, at: minutes(2) });
    expect(third).toEqual({ kind: 'locked', until: minutes(30).toISOString() });
    expect(await d.verify!(code, '4321', { ...who, at: minutes(10) })).toMatchObject({ kind: 'locked' });
    expect(await d.verify!(code, '4321', { ...who, at: minutes(31) })).toMatchObject({ kind: 'verified' });
    const outcomes = (await createSqlDossierAuditLog(database.db).entries({ conversationId: who.conversationId })).map((e) => e.outcome);
    expect(outcomes).toEqual(['wrong_digits', 'wrong_digits', 'wrong_digits', 'locked', 'verified']);
  });

  test('failures across conversations lock the dossier; failures from one client lock that client', async () => {
    const d = desk(undefined, { maxFailuresPerDossier: 4, maxFailuresPerClient: 100 });
    const code = '000.00.19.H53-250303-0002';
    for (let i = 0; i < 4; i += 1) await d.verify!(code, '0000', await asker(minutes(i)));
    expect(await d.verify!(code, '4321', await asker(minutes(5)))).toMatchObject({ kind: 'locked' });

    const byClient = desk(undefined, { maxFailuresPerClient: 2, maxFailuresPerDossier: 100 });
    const other = '000.00.19.H53-250303-0003';
    await byClient.verify!(other, '0000', await asker(minutes(0), 'ip:198.51.100.7'));
    await byClient.verify!(other, '0000', await asker(minutes(1), 'ip:198.51.100.7'));
    expect(await byClient.verify!(other, '4321', await asker(minutes(2), 'ip:198.51.100.7'))).toMatchObject({ kind: 'locked' });
    expect(await byClient.verify!(other, '4321', await asker(minutes(2), 'ip:198.51.100.8'))).toMatchObject({ kind: 'verified' });
  });

  test('lookups are rate-limited per conversation and per client; refusals are audited', async () => {
    const d = desk(undefined, { maxLookupsPerConversation: 3, maxLookupsPerClient: 3 });
    const who = await asker(T0, 'ip:203.0.113.9');
    for (let i = 0; i < 3; i += 1) await d.lookup(`000.00.19.H53-250303-090${i}`, { ...who, at: minutes(i) });
    await expect(d.lookup('000.00.19.H53-250303-0001', { ...who, at: minutes(3) })).rejects.toMatchObject({ code: 'dossier_rate_limited' });
    // After the window, allowed again.
    expect(await d.lookup('000.00.19.H53-250303-0001', { ...who, at: minutes(11) })).not.toBeNull();

    // Another conversation from the same client: the client's lookups at minutes 2 and 11 still count (3 in 10 minutes).
    const sameClient = await asker(T0, 'ip:203.0.113.9');
    await d.lookup('000.00.19.H53-250303-0001', { ...sameClient, at: minutes(12) });
    await expect(d.lookup('000.00.19.H53-250303-0001', { ...sameClient, at: minutes(12) })).rejects.toBeInstanceOf(BotError);
    const outcomes = (await createSqlDossierAuditLog(database.db).entries({ conversationId: who.conversationId })).map((e) => e.outcome);
    expect(outcomes).toEqual(['not_found', 'not_found', 'not_found', 'rate_limited', 'found']);
  });

  test('an unavailable source is audited and becomes the "busy" answer', async () => {
    const down: DossierSource = {
      name: 'external',
      find: async () => {
        throw new DossierSourceUnavailableError('external', 'HTTP 503');
      },
    };
    const who = await asker();
    const error = await desk(down).lookup('000.00.19.H53-250303-0001', who).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe('dossier_source_busy');
    expect((error as BotError).userMessage).toMatch(/hệ thống tra cứu hồ sơ đang bận/);
    const [entry] = await createSqlDossierAuditLog(database.db).entries({ conversationId: who.conversationId });
    expect(entry).toMatchObject({ action: 'lookup', outcome: 'unavailable', source: 'external' });
  });

  test('subscribe needs an existing dossier and is idempotent', async () => {
    const d = desk();
    const who = await asker();
    expect(await d.subscribe!('000.00.19.H53-250303-0001', who)).toBe('subscribed');
    expect(await d.subscribe!('000.00.19.H53-250303-0001', who)).toBe('already_subscribed');
    expect(await d.subscribe!('000.00.19.H53-250303-0404', who)).toBe('not_found');
    expect(await d.unsubscribe!('000.00.19.H53-250303-0001', who)).toBe(true);
    expect(await createSqlDossierSubscriptions(database.db).subscribers('000.00.19.H53-250303-0001')).toEqual([]);
  });

  describe('in conversation', () => {
    const catalog = createCatalog(loadBundledCatalog());
    const retriever = { search: async () => [] };

    async function chat(d: DossierLookup, clientKey?: string) {
      const who = await asker();
      let state: unknown;
      let at = T0.getTime();
      return async (text: string, expectStatus = true): Promise<string> => {
        const deps: TurnDeps = { retriever, catalog, dossiers: d };
        const outcome: TurnOutcome = await handleTurn(
          { conversationId: who.conversationId, channel: 'webchat', text, receivedAt: new Date((at += 1000)), state, ...(clientKey ? { clientKey } : {}) },
          deps,
        );
        state = outcome.state;
        if (expectStatus) expect(outcome.intent).toBe('status');
        return outcome.replies.map((r) => r.text).join('\n');
      };
    }

    test('ask for the code, answer publicly, then verify with the last 4 digits', async () => {
      const say = await chat(desk());
      expect(await say('tra cứu hồ sơ')).toMatch(/mã hồ sơ[\s\S]*000\.00\.19\.H53-240101-0001/);
      const answer = await say('000 00 19 h53 250303 0001');
      expect(answer).toMatch(/Đang xử lý[\s\S]*07\/03\/2025[\s\S]*Thẩm định hồ sơ/);
      expect(answer).not.toMatch(/Trần Thị Bình/);
      expect(await say('1234')).toMatch(/chưa đúng[\s\S]*còn 2 lần/);
      expect(await say('hồ sơ nộp năm 2025 mất bao lâu', false)).not.toMatch(/chưa đúng/);
      await say('000.00.19.H53-250303-0001');
      const verified = await say('4 số cuối là 4321');
      expect(verified).toMatch(/xác thực thành công[\s\S]*Trần Thị Bình[\s\S]*\*\*\*\*\*\*4321/);
      expect(verified).not.toContain('0987654321');
    });

    test('lockout in conversation', async () => {
      const say = await chat(desk());
      await say('000.00.19.H53-250303-0003');
      await say('0001');
      await say('0002');
      expect(await say('0003')).toMatch(/tạm bị khóa/);
      expect(await say('4321')).toMatch(/tạm bị khóa/);
    });

    test('an unknown code: "không tìm thấy" with the format, never a stack trace', async () => {
      const say = await chat(desk());
      const answer = await say('hồ sơ 000.00.19.H53-250303-0999 đến đâu rồi');
      expect(answer).toMatch(/không tìm thấy hồ sơ có mã 000\.00\.19\.H53-250303-0999[\s\S]*dạng 000\.00\.19\.H53-240101-0001/);
      expect(answer).not.toMatch(/Error|at \w+ \(/);
    });

    test('too many lookups: a polite refusal', async () => {
      const say = await chat(desk(undefined, { maxLookupsPerConversation: 2 }));
      await say('000.00.19.H53-250303-0001');
      await say('000.00.19.H53-250303-0002');
      expect(await say('000.00.19.H53-250303-0003')).toMatch(/tra cứu quá nhiều lần/);
    });

    test('"nhận thông báo" subscribes to the dossier just shown', async () => {
      const say = await chat(desk());
      expect(await say('nhận thông báo hồ sơ')).toMatch(/nhắn mã hồ sơ trước/);
      await say('000.00.19.H53-250303-0002');
      expect(await say('nhận thông báo')).toMatch(/đã đăng ký nhận thông báo cho hồ sơ 000\.00\.19\.H53-250303-0002/);
      expect(await say('hủy nhận thông báo')).toMatch(/đã hủy nhận thông báo/);
    });
  });
});
