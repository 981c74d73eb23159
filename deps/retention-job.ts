/**
 * Retention (issue 13, findings 5 and 10): at start-up and then every `intervalMs`, deletes the
 * conversations idle for CONVERSATION_RETENTION_DAYS (none with an open ticket; 0 = kept for
 * ever) and every expired officer session. Runs on each instance; the deletes are idempotent.
 */
import type { Logger } from 'pino';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { OfficerAccounts } from '../adapters/sql/sql-officer-store.ts';

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionInput {
  store: Pick<ConversationStore, 'purgeInactive'>;
  accounts: Pick<OfficerAccounts, 'purgeExpiredSessions'>;
  retentionDays: number;
  log?: Pick<Logger, 'info' | 'warn'>;
  intervalMs?: number;
  now?: () => Date;
}

export interface RetentionJob {
  /** One pass; resolves with what it deleted. */
  run(): Promise<{ conversations: number; sessions: number }>;
  stop(): void;
}

export function startRetention(input: RetentionInput): RetentionJob {
  const now = input.now ?? (() => new Date());
  let running: Promise<{ conversations: number; sessions: number }> | null = null;
  const pass = async () => {
    const sessions = await input.accounts.purgeExpiredSessions();
    const conversations = input.retentionDays > 0 ? await input.store.purgeInactive(new Date(now().getTime() - input.retentionDays * 86_400_000)) : 0;
    if (conversations || sessions) input.log?.info({ conversations, sessions, retentionDays: input.retentionDays }, 'retention: deleted idle conversations and expired sessions');
    return { conversations, sessions };
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
