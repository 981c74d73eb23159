/**
 * Brute-force protection as policy (numbers) and pure decisions. The counts come from the
 * audit log (dossier-activity.ts), so limits hold across restarts and server instances.
 *
 * - Lookups: at most `maxLookupsPerConversation` per conversation and `maxLookupsPerClient`
 *   per client (IP) in a sliding window — guessing codes is slow.
 * - Verification (last 4 digits of the applicant's phone): after `maxFailuresPerConversation`
 *   wrong answers for a dossier in one conversation, or `maxFailuresPerDossier` from anywhere,
 *   or `maxFailuresPerClient` from one client, further attempts are refused until the oldest
 *   failure leaves the lockout window.
 */
export interface GuardPolicy {
  lookupWindowMs: number;
  maxLookupsPerConversation: number;
  maxLookupsPerClient: number;
  lockoutWindowMs: number;
  maxFailuresPerConversation: number;
  maxFailuresPerDossier: number;
  maxFailuresPerClient: number;
}

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  lookupWindowMs: 10 * 60_000,
  maxLookupsPerConversation: 10,
  maxLookupsPerClient: 30,
  lockoutWindowMs: 30 * 60_000,
  maxFailuresPerConversation: 3,
  maxFailuresPerDossier: 5,
  maxFailuresPerClient: 10,
};

export interface WindowCount {
  count: number;
  /** The oldest counted event (ISO), null when none. */
  oldest: string | null;
}

/** Allowed while under the limit. */
export function underLimit(counted: WindowCount, max: number): boolean {
  return counted.count < max;
}

/** When a window at its limit frees up again: the oldest event leaves the window. */
export function freeAt(counted: WindowCount, windowMs: number, now: Date): Date {
  return new Date((counted.oldest ? Date.parse(counted.oldest) : now.getTime()) + windowMs);
}

/** The latest "locked until" among the windows at or over their limit; null when none is. */
export function lockedUntil(windows: Array<{ counted: WindowCount; max: number }>, windowMs: number, now: Date): Date | null {
  let until: Date | null = null;
  for (const { counted, max } of windows) {
    if (underLimit(counted, max)) continue;
    const free = freeAt(counted, windowMs, now);
    if (!until || free > until) until = free;
  }
  return until;
}
