/**
 * Officer accounts and sessions in the database (so every instance sees them): login with
 * lockout after 5 attempts without success for 15 minutes (counted before the password is
 * checked), opaque session tokens stored only as SHA-256 hashes, one CSRF token per session.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/db.ts';
import type { Officer, OfficerDirectory, OfficerRole } from '../../bot/handoff/officer.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../bot/handoff/officer-passwords.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: OfficerRole;
  sectors: string[] | string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
}

const toOfficer = (row: AccountRow): Officer => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  sectors: typeof row.sectors === 'string' ? (JSON.parse(row.sectors) as string[]) : row.sectors,
});

export interface NewOfficer {
  username: string;
  password: string;
  displayName?: string;
  role: OfficerRole;
  sectors?: string[];
}

/** A locked account is `bad_credentials` too: the answer tells nothing about the account. */
export type LoginResult = { kind: 'ok'; officer: Officer } | { kind: 'bad_credentials' };

export interface Session {
  officer: Officer;
  csrfToken: string;
}

export interface OfficerAccounts extends OfficerDirectory {
  /** Creates the account; false if the username is taken. */
  create(account: NewOfficer): Promise<Officer | null>;
  login(username: string, password: string, now?: Date): Promise<LoginResult>;
  openSession(officerId: string): Promise<{ token: string; csrfToken: string }>;
  session(token: string): Promise<Session | null>;
  closeSession(token: string): Promise<void>;
  /** Deletes every expired session (also done at each login); returns how many. */
  purgeExpiredSessions(): Promise<number>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createOfficerAccounts(db: Db): OfficerAccounts {
  const purgeExpired = async () => {
    const { rows } = await db.query<{ n: number }>(
      'WITH gone AS (DELETE FROM officer_sessions WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone',
    );
    return rows[0]?.n ?? 0;
  };
  return {
    async get(id) {
      const { rows } = await db.query<AccountRow>('SELECT * FROM officer_accounts WHERE id = $1', [id]);
      return rows[0] ? toOfficer(rows[0]) : null;
    },
    async list() {
      const { rows } = await db.query<AccountRow>('SELECT * FROM officer_accounts ORDER BY username');
      return rows.map(toOfficer);
    },
    async create(account) {
      const username = account.username.trim().toLowerCase();
      const { rows } = await db.query<AccountRow>(
        `INSERT INTO officer_accounts (id, username, display_name, role, sectors, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING *`,
        [randomUUID(), username, account.displayName?.trim() || username, account.role, JSON.stringify(account.sectors ?? []), await hashPassword(account.password)],
      );
      return rows[0] ? toOfficer(rows[0]) : null;
    },
    async login(username, password, now = new Date()) {
      // The attempt is counted before the password is checked, in one statement, so concurrent
      // attempts cannot all be checked: the MAX_FAILED_LOGINS-th starts the lockout, and a locked
      // account matches no row. An expired lockout starts the count afresh.
      const { rows } = await db.query<AccountRow>(
        `UPDATE officer_accounts SET
           failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
           locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= $3
             THEN $2::timestamptz + make_interval(mins => $4) ELSE NULL END
         WHERE username = $1 AND (locked_until IS NULL OR locked_until <= $2)
         RETURNING *`,
        [username.trim().toLowerCase(), now.toISOString(), MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
      );
      const row = rows[0];
      // Unknown and locked accounts cost one password check too, and answer the same.
      if (!row) {
        await verifyPassword(password, DUMMY_HASH);
        return { kind: 'bad_credentials' };
      }
      if (!(await verifyPassword(password, row.password_hash))) return { kind: 'bad_credentials' };
      await db.query('UPDATE officer_accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
      return { kind: 'ok', officer: toOfficer(row) };
    },
    async openSession(officerId) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await purgeExpired();
      await db.query(
        `INSERT INTO officer_sessions (token_hash, officer_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
        [hashToken(token), officerId, csrfToken, SESSION_HOURS],
      );
      return { token, csrfToken };
    },
    async session(token) {
      const { rows } = await db.query<AccountRow & { csrf_token: string }>(
        `SELECT a.*, s.csrf_token FROM officer_sessions s JOIN officer_accounts a ON a.id = s.officer_id
         WHERE s.token_hash = $1 AND s.expires_at > now()`,
        [hashToken(token)],
      );
      return rows[0] ? { officer: toOfficer(rows[0]), csrfToken: rows[0].csrf_token } : null;
    },
    async closeSession(token) {
      await db.query('DELETE FROM officer_sessions WHERE token_hash = $1', [hashToken(token)]);
    },
    purgeExpiredSessions: purgeExpired,
  };
}
