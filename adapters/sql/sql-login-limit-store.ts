/**
 * Officer logins per client (IP address): at most MAX_LOGINS_PER_CLIENT failed or unfinished
 * attempts in a fixed 15-minute window, counted in the database in one statement before the
 * password is checked (so concurrent attempts and several instances cannot exceed it). A success
 * gives its attempt back, so officers behind one office address are not locked out by each other.
 */
import type { Db } from './db/db.ts';

export const MAX_LOGINS_PER_CLIENT = 30;
export const CLIENT_WINDOW_MINUTES = 15;

export type ClientAdmission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginLimits {
  /** Counts one attempt from `clientKey`; refused once the window holds too many. */
  admit(clientKey: string, now?: Date): Promise<ClientAdmission>;
  /** The attempt succeeded: it no longer counts against the client. */
  succeeded(clientKey: string): Promise<void>;
  /** Forgets clients whose window ended (retention); returns how many. */
  purgeEnded(now?: Date): Promise<number>;
}

export function createLoginLimits(db: Db): LoginLimits {
  return {
    async admit(clientKey, now = new Date()) {
      const { rows } = await db.query<{ attempts: number; window_start: Date | string }>(
        `INSERT INTO officer_login_clients AS c (client_key, window_start, attempts) VALUES ($1, $2, 1)
         ON CONFLICT (client_key) DO UPDATE SET
           window_start = CASE WHEN c.window_start <= $2::timestamptz - make_interval(mins => $3) THEN $2::timestamptz ELSE c.window_start END,
           attempts = CASE WHEN c.window_start <= $2::timestamptz - make_interval(mins => $3) THEN 1 ELSE c.attempts + 1 END
         RETURNING attempts, window_start`,
        [clientKey, now.toISOString(), CLIENT_WINDOW_MINUTES],
      );
      const row = rows[0]!;
      if (row.attempts <= MAX_LOGINS_PER_CLIENT) return { allowed: true };
      const freeAt = new Date(row.window_start).getTime() + CLIENT_WINDOW_MINUTES * 60_000;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    },
    async purgeEnded(now = new Date()) {
      const { rows } = await db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM officer_login_clients WHERE window_start <= $1::timestamptz - make_interval(mins => $2) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [now.toISOString(), CLIENT_WINDOW_MINUTES],
      );
      return rows[0]?.n ?? 0;
    },
    async succeeded(clientKey) {
      await db.query('UPDATE officer_login_clients SET attempts = GREATEST(attempts - 1, 0) WHERE client_key = $1', [clientKey]);
    },
  };
}
