/**
 * Officer accounts and sessions in the database (so every instance sees them): login with
 * lockouts after 5 attempts without success for 15 minutes (counted before the password is
 * checked) — per account and client address, and per account for addresses the account has not
 * signed in from within KNOWN_CLIENT_DAYS, so strangers cannot lock an officer out of their own
 * office — opaque session tokens stored only as SHA-256 hashes, one CSRF token per session.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/db.ts';
import type { Officer, OfficerDirectory, OfficerRole } from '../../bot/handoff/officer.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../bot/handoff/officer-passwords.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;
/** An address the account signed in from this recently is not held by the account-wide lock. */
export const KNOWN_CLIENT_DAYS = 30;

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
  /** `clientKey` (e.g. `ip:203.0.113.5`): where the attempt comes from; absent = an unknown address. */
  login(username: string, password: string, options?: { clientKey?: string; now?: Date }): Promise<LoginResult>;
  openSession(officerId: string): Promise<{ token: string; csrfToken: string }>;
  session(token: string): Promise<Session | null>;
  closeSession(token: string): Promise<void>;
  /** Deletes every expired session (also done at each login); returns how many. */
  purgeExpiredSessions(): Promise<number>;
  /** Forgets per-address login records untouched for KNOWN_CLIENT_DAYS (no lock, no recent success); returns how many. */
  purgeLoginRecords(now?: Date): Promise<number>;
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
    async login(username, password, options = {}) {
      const now = options.now ?? new Date();
      const clientKey = options.clientKey ?? 'unknown';
      const name = username.trim().toLowerCase();
      // Every attempt is counted before the password is checked, in single statements, so
      // concurrent attempts cannot all be checked. First per account and client: a locked pair
      // matches no row (an expired lock starts the count afresh); an unknown user matches none.
      const pair = await db.query<{ officer_id: string; last_success: Date | string | null }>(
        `INSERT INTO officer_login_pairs AS p (officer_id, client_key, failed, last_attempt)
         SELECT id, $2, 1, $3 FROM officer_accounts WHERE username = $1
         ON CONFLICT (officer_id, client_key) DO UPDATE SET
           last_attempt = $3,
           failed = CASE WHEN p.locked_until IS NOT NULL THEN 1 ELSE p.failed + 1 END,
           locked_until = CASE WHEN (CASE WHEN p.locked_until IS NOT NULL THEN 1 ELSE p.failed + 1 END) >= $4
             THEN $3::timestamptz + make_interval(mins => $5) ELSE NULL END
         WHERE p.locked_until IS NULL OR p.locked_until <= $3
         RETURNING officer_id, last_success`,
        [name, clientKey, now.toISOString(), MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
      );
      const known = pair.rows[0]?.last_success ? now.getTime() - new Date(pair.rows[0].last_success).getTime() < KNOWN_CLIENT_DAYS * 86_400_000 : false;
      let row: AccountRow | undefined;
      if (pair.rows[0] && known) {
        // An address this account signs in from: only its own pair lock applies.
        row = (await db.query<AccountRow>('SELECT * FROM officer_accounts WHERE id = $1', [pair.rows[0].officer_id])).rows[0];
      } else if (pair.rows[0]) {
        // Any other address: the account-wide count too (the MAX_FAILED_LOGINS-th starts its lock).
        const { rows } = await db.query<AccountRow>(
          `UPDATE officer_accounts SET
             failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
             locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= $3
               THEN $2::timestamptz + make_interval(mins => $4) ELSE NULL END
           WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
           RETURNING *`,
          [pair.rows[0].officer_id, now.toISOString(), MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
        );
        row = rows[0];
      }
      // Unknown and locked accounts cost one password check too, and answer the same.
      if (!row) {
        await verifyPassword(password, DUMMY_HASH);
        return { kind: 'bad_credentials' };
      }
      if (!(await verifyPassword(password, row.password_hash))) return { kind: 'bad_credentials' };
      await db.query(
        `UPDATE officer_login_pairs SET failed = 0, locked_until = NULL, last_success = $3 WHERE officer_id = $1 AND client_key = $2`,
        [row.id, clientKey, now.toISOString()],
      );
      if (!known) await db.query('UPDATE officer_accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
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
    async purgeLoginRecords(now = new Date()) {
      const { rows } = await db.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM officer_login_pairs
           WHERE last_attempt < $1::timestamptz - make_interval(days => $2)
             AND (last_success IS NULL OR last_success < $1::timestamptz - make_interval(days => $2))
             AND (locked_until IS NULL OR locked_until <= $1)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [now.toISOString(), KNOWN_CLIENT_DAYS],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
