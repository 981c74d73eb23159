/**
 * Retention (issue 13, findings 5 and 10): at start-up and then every `intervalMs`, deletes the
 * conversations idle for CONVERSATION_RETENTION_DAYS (none with an open ticket; 0 = kept for
 * ever), every expired officer session, and officer login records that no longer count (ended
 * client windows, per-address records untouched for 30 days). Runs on each instance; the deletes
 * are idempotent.
 */
import type { Logger } from 'pino';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { OfficerAccounts } from '../adapters/sql/sql-officer-store.ts';
import type { LoginLimits } from '../adapters/sql/sql-login-limit-store.ts';

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionInput {
  store: Pick<ConversationStore, 'purgeInactive'>;
  accounts: Pick<OfficerAccounts, 'purgeExpiredSessions' | 'purgeLoginRecords'>;
  loginLimits?: Pick<LoginLimits, 'purgeEnded'>;
  retentionDays: number;
  log?: Pick<Logger, 'info' | 'warn'>;
  intervalMs?: number;
  now?: () => Date;
}

export interface RetentionPass {
  conversations: number;
  sessions: number;
  loginRecords: number;
}

export interface RetentionJob {
  /** One pass; resolves with what it deleted. */
  run(): Promise<RetentionPass>;
  stop(): void;
}

export function startRetention(input: RetentionInput): RetentionJob {
  const now = input.now ?? (() => new Date());
  let running: Promise<RetentionPass> | null = null;
  const pass = async (): Promise<RetentionPass> => {
    const sessions = await input.accounts.purgeExpiredSessions();
    const loginRecords = (await input.accounts.purgeLoginRecords(now())) + ((await input.loginLimits?.purgeEnded(now())) ?? 0);
    const conversations = input.retentionDays > 0 ? await input.store.purgeInactive(new Date(now().getTime() - input.retentionDays * 86_400_000)) : 0;
    if (conversations || sessions || loginRecords) {
      input.log?.info({ conversations, sessions, loginRecords, retentionDays: input.retentionDays }, 'retention: deleted idle conversations, expired sessions and stale login records');
    }
    return { conversations, sessions, loginRecords };
  };
  const run = () => {
    // One pass at a time per instance.
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    run().catch((error: unknown) => input.log?.warn({ err: error }, 'retention pass failed'));
  };
  tick();
  const timer = setInterval(tick, input.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
