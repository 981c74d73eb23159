/**
 * The retention job (issue 13, findings 5 and 10), on PGlite and PostgreSQL: at start-up and then
 * periodically it deletes conversations idle past CONVERSATION_RETENTION_DAYS (not one with an
 * open ticket) and expired officer sessions — without anyone logging in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createLoginLimits } from '../../adapters/sql/sql-login-limit-store.ts';
import { createOfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { startRetention } from '../../deps/retention-job.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('retention job on $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  const age = async (id: string, days: number) => {
    await database.db.query(`UPDATE conversations SET updated_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
    await database.db.query(`UPDATE messages SET created_at = now() - make_interval(days => $2) WHERE conversation_id = $1`, [id, days]);
  };
  const sessions = async () => Number((await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM officer_sessions')).rows[0]!.n);

  test('runs at start-up and then on its interval: idle conversations and expired sessions go, the rest stay', async () => {
    const store = createSqlConversationStore(database.db);
    const tickets = createSqlTicketStore(database.db);
    const accounts = createOfficerAccounts(database.db);
    const officer = await accounts.create({ username: 'luu-tru', password: 'mat-khau-rat-dai-1', role: 'officer' });
    for (const id of ['r-old', 'r-waiting', 'r-new']) {
      await store.ensure(id, 'webchat');
      await store.append(id, [{ author: 'citizen', text: 'xin chào' }]);
    }
    await tickets.open({ conversationId: 'r-waiting', channel: 'webchat', trigger: 'citizen_request' });
    await age('r-old', 31);
    await age('r-waiting', 31);
    await age('r-new', 29);
    const expired = await accounts.openSession(officer!.id);
    const live = await accounts.openSession(officer!.id);
    await database.db.query(`UPDATE officer_sessions SET expires_at = now() - interval '1 minute' WHERE officer_id = $1 AND expires_at = (SELECT min(expires_at) FROM officer_sessions)`, [officer!.id]);
    expect(await sessions()).toBe(2);

    const job = startRetention({ store, accounts, retentionDays: 30, intervalMs: 200 });
    try {
      await expect.poll(() => store.get('r-old'), { timeout: 5000 }).toBeNull();
      expect(await sessions()).toBe(1);
      expect(await accounts.session(live.token)).not.toBeNull();
      expect(await accounts.session(expired.token)).toBeNull();
      expect(await store.get('r-waiting')).not.toBeNull();
      expect(await store.get('r-new')).not.toBeNull();

      // Later: r-new passes the retention age and the next periodic pass deletes it.
      await age('r-new', 40);
      await expect.poll(() => store.get('r-new'), { timeout: 5000 }).toBeNull();
      expect(await store.get('r-waiting')).not.toBeNull();
    } finally {
      job.stop();
    }
  });

  test('CONVERSATION_RETENTION_DAYS=0 keeps conversations for ever (sessions are still purged)', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('r-forever', 'webchat');
    await age('r-forever', 5000);
    const job = startRetention({ store, accounts: createOfficerAccounts(database.db), retentionDays: 0, intervalMs: 60_000 });
    job.stop();
    expect(await job.run()).toMatchObject({ conversations: 0 });
    expect(await store.get('r-forever')).not.toBeNull();
  });

  test('login records that no longer count are forgotten; a lock, a recent attempt or a recent sign-in is kept', async () => {
    const accounts = createOfficerAccounts(database.db);
    const limits = createLoginLimits(database.db);
    await accounts.create({ username: 'ghi-nho', password: 'mat-khau-rat-dai-1', role: 'officer' });
    await accounts.login('ghi-nho', 'mat-khau-rat-dai-1', { clientKey: 'ip:office' });
    for (const client of ['ip:old-stranger', 'ip:new-stranger', 'ip:locked']) await accounts.login('ghi-nho', 'sai-mat-khau', { clientKey: client });
    await limits.admit('ip:old-window');
    await limits.admit('ip:current-window');
    await database.db.query(`UPDATE officer_login_pairs SET last_attempt = now() - interval '40 days', last_success = now() - interval '40 days' WHERE client_key = 'ip:office'`);
    await database.db.query(`UPDATE officer_login_pairs SET last_attempt = now() - interval '40 days' WHERE client_key IN ('ip:old-stranger', 'ip:locked')`);
    await database.db.query(`UPDATE officer_login_pairs SET locked_until = now() + interval '5 minutes' WHERE client_key = 'ip:locked'`);
    await database.db.query(`UPDATE officer_login_clients SET window_start = now() - interval '1 hour' WHERE client_key = 'ip:old-window'`);

    const job = startRetention({ store: createSqlConversationStore(database.db), accounts, loginLimits: limits, retentionDays: 0, intervalMs: 60_000 });
    job.stop();
    const pass = await job.run();
    expect(pass.loginRecords).toBeGreaterThanOrEqual(3);
    const pairs = (await database.db.query<{ client_key: string }>(`SELECT client_key FROM officer_login_pairs ORDER BY client_key`)).rows.map((r) => r.client_key);
    expect(pairs).toEqual(['ip:locked', 'ip:new-stranger']);
    const clients = (await database.db.query<{ client_key: string }>(`SELECT client_key FROM officer_login_clients WHERE client_key LIKE 'ip:%-window'`)).rows.map((r) => r.client_key);
    expect(clients).toEqual(['ip:current-window']);
  });
});
