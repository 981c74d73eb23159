/** OfficerAccounts and LoginLimits on every Db implementation: accounts, sessions, lockout, per-client window. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLoginLimits, MAX_LOGINS_PER_CLIENT } from '../../adapters/sql/sql-login-limit-store.ts';
import { createOfficerAccounts, MAX_FAILED_LOGINS } from '../../adapters/sql/sql-officer-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const PASSWORD = 'mat-khau-rat-dai-1';

describe.each(DB_FACTORIES)('Officer store conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('create once per username; get and list return the officer without secrets', async () => {
    const accounts = createOfficerAccounts(database.db);
    const created = await accounts.create({ username: 'lan', password: PASSWORD, displayName: 'Nguyễn Thị Lan', role: 'officer', sectors: ['Hộ tịch'] });
    expect(created).toMatchObject({ username: 'lan', role: 'officer', sectors: ['Hộ tịch'] });
    expect(await accounts.create({ username: 'lan', password: PASSWORD, role: 'officer' })).toBeNull();
    expect(await accounts.get(created!.id)).toEqual(created);
    expect(JSON.stringify(await accounts.list())).not.toContain(PASSWORD);
  });

  test('login, a session and its CSRF token, then logout ends the session', async () => {
    const accounts = createOfficerAccounts(database.db);
    await accounts.create({ username: 'minh', password: PASSWORD, role: 'supervisor' });
    const ok = await accounts.login('minh', PASSWORD);
    expect(ok.kind).toBe('ok');
    const { token, csrfToken } = await accounts.openSession((ok as { officer: { id: string } }).officer.id);
    expect((await accounts.session(token))?.csrfToken).toBe(csrfToken);
    await accounts.closeSession(token);
    expect(await accounts.session(token)).toBeNull();
  });

  test(`${MAX_FAILED_LOGINS} wrong passwords lock the account; then the right one is refused the same way`, async () => {
    const accounts = createOfficerAccounts(database.db);
    await accounts.create({ username: 'hoa', password: PASSWORD, role: 'officer' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await accounts.login('hoa', 'sai-mat-khau-123')).kind).toBe('bad_credentials');
    expect((await accounts.login('hoa', PASSWORD)).kind).toBe('bad_credentials');
    expect((await accounts.login('khong-co-ai', PASSWORD)).kind).toBe('bad_credentials');
  });

  test('the lock is per account and client: strangers elsewhere cannot lock the officer out of the address they sign in from', async () => {
    const accounts = createOfficerAccounts(database.db);
    await accounts.create({ username: 'lan', password: PASSWORD, role: 'officer' });
    expect((await accounts.login('lan', PASSWORD, { clientKey: 'ip:office' })).kind).toBe('ok');
    // Ten strangers, two wrong guesses each: the account is locked for every client it has not signed in from.
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 2; j++) expect((await accounts.login('lan', `sai-${i}-${j}`, { clientKey: `ip:stranger-${i}` })).kind).toBe('bad_credentials');
    }
    expect((await accounts.login('lan', PASSWORD, { clientKey: 'ip:new-place' })).kind).toBe('bad_credentials');
    expect((await accounts.login('lan', PASSWORD)).kind).toBe('bad_credentials');
    // …but not for the officer's own address.
    expect((await accounts.login('lan', PASSWORD, { clientKey: 'ip:office' })).kind).toBe('ok');
    // Wrong passwords from the office lock the office too (per account and client).
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      expect((await accounts.login('lan', 'sai-o-van-phong', { clientKey: 'ip:office' })).kind).toBe('bad_credentials');
    expect((await accounts.login('lan', PASSWORD, { clientKey: 'ip:office' })).kind).toBe('bad_credentials');
  });

  test(`a client gets ${MAX_LOGINS_PER_CLIENT} attempts in its window, then a retry-after`, async () => {
    const limits = createLoginLimits(database.db);
    const client = `ip:203.0.113.${factory.name === 'pglite' ? 7 : 8}`;
    const answers = [];
    for (let i = 0; i <= MAX_LOGINS_PER_CLIENT; i++) answers.push(await limits.admit(client));
    expect(answers.slice(0, MAX_LOGINS_PER_CLIENT).every((a) => a.allowed)).toBe(true);
    const refused = answers.at(-1)!;
    expect(refused.allowed).toBe(false);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((await limits.admit('ip:198.51.100.1')).allowed).toBe(true);
  });
});
