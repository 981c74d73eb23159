/**
 * Sends a push channel's outbox: claims what is due (each conversation's next part, in order),
 * hands each item to the channel's sender, and records the outcome — sent; retried later with
 * exponential backoff and jitter (network errors, 5xx, rate limits); or failed for good with its
 * reason (blocked, outside the messaging window, refused, too many attempts). Runs on a timer
 * and when kicked; stoppable; `runOnce` lets tests drive it.
 */
import type { OutboxFailure, OutboxItem, OutboxStore } from './outbox-store.ts';

export type SendOutcome =
  | { kind: 'sent'; as: string }
  | { kind: 'retry'; error: string }
  | { kind: 'failed'; failure: Exclude<OutboxFailure, 'gave_up'>; error: string };

export interface OutboxWorkerOptions {
  /** Items claimed (and sent in parallel, one per conversation) per round. */
  batchSize: number;
  /** How long a claimed item is reserved for its sender. */
  leaseMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before an item that keeps failing is given up. */
  maxAttempts: number;
  /** Time between rounds when not kicked. */
  pollMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = {
  batchSize: 8,
  leaseMs: 60_000,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  maxAttempts: 15,
  pollMs: 2_000,
};

interface WorkerLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
}

export interface OutboxWorkerDeps {
  outbox: OutboxStore;
  channel: string;
  send(item: OutboxItem): Promise<SendOutcome>;
  /** Work done before each round (e.g. picking up webhook events left unprocessed). */
  beforeRound?: () => Promise<void>;
  options?: Partial<OutboxWorkerOptions>;
  now?: () => Date;
  log?: WorkerLogger;
  random?: () => number;
}

export interface OutboxWorker {
  /** Starts the timer (idempotent). */
  start(): void;
  /** Stops the timer and waits for the round in progress. */
  stop(): Promise<void>;
  /** Asks for a round now (coalesced with one in progress). */
  kick(): void;
  /** One full round: `beforeRound`, then send until nothing is due; returns how many items were handled. */
  runOnce(): Promise<number>;
}

export function backoffDelay(attempts: number, options: Pick<OutboxWorkerOptions, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const options = { ...DEFAULT_OUTBOX_OPTIONS, ...deps.options };
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = true;

  async function settle(item: OutboxItem): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await deps.send(item);
    } catch (error) {
      outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    const at = now();
    const where = { outboxId: item.id, conversationId: item.conversationId, messageId: item.messageId, part: item.part, attempts: item.attempts };
    if (outcome.kind === 'sent') {
      await deps.outbox.markSent(item.id, outcome.as, at);
      deps.log?.info({ ...where, as: outcome.as }, 'outbox message sent');
    } else if (outcome.kind === 'failed') {
      await deps.outbox.markFailed(item.id, outcome.failure, outcome.error, at);
      deps.log?.warn({ ...where, failure: outcome.failure, error: outcome.error }, 'outbox message cannot be sent');
    } else if (item.attempts >= options.maxAttempts) {
      await deps.outbox.markFailed(item.id, 'gave_up', outcome.error, at);
      deps.log?.error({ ...where, error: outcome.error }, 'outbox message given up after repeated failures');
    } else {
      const delay = backoffDelay(item.attempts, options, deps.random);
      await deps.outbox.retryAt(item.id, new Date(at.getTime() + delay), outcome.error);
      deps.log?.warn({ ...where, error: outcome.error, retryInMs: delay }, 'outbox message will be retried');
    }
  }

  async function round(): Promise<number> {
    if (deps.beforeRound) await deps.beforeRound();
    let handled = 0;
    for (;;) {
      const at = now();
      const batch = await deps.outbox.claim(deps.channel, at, options.batchSize, new Date(at.getTime() + options.leaseMs));
      if (batch.length === 0) return handled;
      await Promise.all(batch.map(settle));
      handled += batch.length;
    }
  }

  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await round();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const tick = () => {
    runOnce().catch((error: unknown) => deps.log?.error({ err: error }, 'outbox round failed'));
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(tick, options.pollMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    kick() {
      if (!stopped) tick();
    },
    runOnce,
  };
}
