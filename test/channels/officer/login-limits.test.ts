/**
 * Officer login under attack (issue 13, finding 2), on PGlite and PostgreSQL: concurrent guesses
 * cannot outrun the lockout, a locked account answers like a wrong password, and one client
 * (IP) gets 429 with Retry-After once it has failed too often.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { call } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

/** Password checks against a real account's hash (not the dummy one used for unknown users). */
const checks = vi.hoisted(() => ({ real: 0 }));
vi.mock('../../../bot/handoff/officer-passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../bot/handoff/officer-passwords.ts')>();
  return {
    ...original,
    verifyPassword: async (password: string, stored: string) => {
      if (stored !== original.DUMMY_HASH) checks.real += 1;
      return original.verifyPassword(password, stored);
    },
  };
});

const PASSWORD = 'mat-khau-rat-dai-1';
const MAX_CHECKS = 5;

describe.each(DB_FACTORIES)('officer login on $name', (factory) => {
  let database: TestDatabase;
  let app: TestApp;
  let ip = 0;
  /** Each call its own client address unless one is given (the app trusts X-Forwarded-For from loopback). */
  const from = (address = `198.51.100.${(ip = (ip % 250) + 1)}`) => ({ 'x-forwarded-for': address });
  const loginAs = (username: string, password: string, client = from()) =>
    call(`${app.url}/api/officer/login`, 'POST', { username, password }, client);

  beforeAll(async () => {
    database = await factory.create();
    app = await startTestApp({ db: database.db, warm: false });
    for (const username of ['dich', 'khoa', 'mo', 'lan']) {
      await app.deps.officer.accounts.create({ username, password: PASSWORD, role: 'officer', sectors: ['Hộ tịch'] });
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  test('200 concurrent logins, the right password 151st: no token, at most 5 password checks', async () => {
    checks.real = 0;
    const attempts = Array.from({ length: 200 }, (_, i) => loginAs('dich', i === 150 ? PASSWORD : `sai-mat-khau-${i}`));
    const responses = await Promise.all(attempts);
    expect(responses[150]!.status).not.toBe(200);
    expect(responses.filter((r) => r.body?.token)).toEqual([]);
    expect(checks.real).toBeLessThanOrEqual(MAX_CHECKS);
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([401]));
  }, 120_000);

  test('a locked account answers exactly like an unknown user or a wrong password', async () => {
    const unknown = await loginAs('khong-co-ai', PASSWORD);
    const wrong = await loginAs('khoa', 'sai-mat-khau-0');
    for (let i = 1; i < MAX_CHECKS; i += 1) await loginAs('khoa', `sai-mat-khau-${i}`);
    checks.real = 0;
    const locked = await loginAs('khoa', PASSWORD);
    expect(checks.real).toBe(0);
    for (const response of [unknown, wrong, locked]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect(locked.body).toEqual(unknown.body);
    expect(wrong.body).toEqual(unknown.body);
    expect(locked.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    // When the lockout has passed, the right password works again and a success starts the count afresh.
    await database.db.query(`UPDATE officer_accounts SET locked_until = now() - interval '1 second' WHERE username = 'khoa'`);
    expect((await loginAs('khoa', PASSWORD)).status).toBe(200);
    for (let i = 0; i < MAX_CHECKS - 1; i += 1) await loginAs('khoa', `sai-lan-nua-${i}`);
    expect((await loginAs('khoa', PASSWORD)).status).toBe(200);
  });

  test('one client failing too often gets 429 with Retry-After and a Vietnamese message; others are not affected', async () => {
    const client = from('203.0.113.77');
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => loginAs(`khong-co-${i}`, 'sai-mat-khau', client)));
    const answered = responses.filter((r) => r.status === 401).length;
    const limited = responses.filter((r) => r.status === 429);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(30);
    expect(answered + limited.length).toBe(200);
    for (const response of limited) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      expect(response.body.error).toMatchObject({ code: 'too_many_logins', message: expect.stringMatching(/thử lại sau \d+ phút/) });
    }
    // Even the right password is refused from that client now, without being checked.
    checks.real = 0;
    expect((await loginAs('mo', PASSWORD, client)).status).toBe(429);
    expect(checks.real).toBe(0);
    // Another client is not affected.
    expect((await loginAs('mo', PASSWORD, from('203.0.113.78'))).status).toBe(200);
  }, 120_000);

  test('successful logins from one address (an office behind one NAT) do not use up its allowance', async () => {
    const office = from('203.0.113.90');
    for (let i = 0; i < 32; i += 1) expect((await loginAs('mo', PASSWORD, office)).status).toBe(200);
  });

  test('strangers on other addresses cannot lock an officer out of the address they work from', async () => {
    const office = from('203.0.113.120');
    expect((await loginAs('lan', PASSWORD, office)).status).toBe(200);
    const strangers = await Promise.all(Array.from({ length: 40 }, (_, i) => loginAs('lan', `doan-${i}`, from(`192.0.2.${i + 1}`))));
    expect(new Set(strangers.map((r) => r.status))).toEqual(new Set([401]));
    // Locked for a new address (a stranger's right guess gets nothing)…
    const elsewhere = await loginAs('lan', PASSWORD, from('192.0.2.200'));
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toEqual((await loginAs('khong-co-ai', PASSWORD)).body);
    // …not for the office.
    expect((await loginAs('lan', PASSWORD, office)).status).toBe(200);
  });
});
