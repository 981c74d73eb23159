/**
 * The handoff state machine, one table from which both the type and the validator come:
 * bot → waiting_officer → with_officer → closed. A bot and an officer are never both in charge:
 * the bot answers only in `bot` (no open ticket) — see conversation-service.ts.
 */
export const HANDOFF_TRANSITIONS = {
  bot: ['waiting_officer'],
  waiting_officer: ['with_officer', 'closed'],
  /** Transfer to another officer keeps `with_officer` (a new owner), or returns to the queue. */
  with_officer: ['with_officer', 'waiting_officer', 'closed'],
  closed: [],
} as const satisfies Record<string, readonly string[]>;

export type HandoffState = keyof typeof HANDOFF_TRANSITIONS;
export const HANDOFF_STATES = Object.keys(HANDOFF_TRANSITIONS) as HandoffState[];

/** Why a ticket ended: a fixed list. */
export const END_REASONS = [
  'resolved',
  'citizen_left',
  'no_officer_available',
  'outside_office_hours',
  'duplicate',
  'spam',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** What put a conversation in the queue. */
export const HANDOFF_TRIGGERS = ['citizen_request', 'repeated_failure', 'negative_feedback'] as const;
export type HandoffTrigger = (typeof HANDOFF_TRIGGERS)[number];

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: HandoffState,
    readonly to: HandoffState,
  ) {
    super(`handoff cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function canTransition(from: HandoffState, to: HandoffState): boolean {
  return (HANDOFF_TRANSITIONS[from] as readonly string[]).includes(to);
}

export function assertTransition(from: HandoffState, to: HandoffState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/** States in which a person, not the bot, owns the conversation. */
export function isHumanInCharge(state: HandoffState): boolean {
  return state === 'waiting_officer' || state === 'with_officer';
}
