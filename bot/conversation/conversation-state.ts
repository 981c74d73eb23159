/**
 * What the bot remembers between turns of one conversation: a plain JSON object the caller
 * persists and passes back with the next turn. Validate what you load with `parseState`;
 * anything unreadable (older shape, corrupted) starts a fresh state instead of failing a turn.
 */
import { z } from 'zod';
import { FACET_INTENTS, INTENTS } from '../intents/intent.ts';

const ProcedureRefSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type ProcedureRef = z.infer<typeof ProcedureRefSchema>;

const ProcedureIntentSchema = z.enum([...FACET_INTENTS, 'overview']);

/** A question the bot asked and is waiting to hear the answer to. */
export const PendingSchema = z.discriminatedUnion('type', [
  /** "Which of these procedures?" — picking one answers `intent` for it. */
  z.object({
    type: z.literal('clarify'),
    intent: ProcedureIntentSchema,
    candidates: z.array(ProcedureRefSchema.extend({ label: z.string() })).min(1).max(4),
    /** how_to aspects of the original question (online, where …), kept for the answer. */
    aspects: z.array(z.string()).default([]),
    /**
     * The candidate already answered, the others offered beside it (the same procedure at other
     * levels): a question that picks none of them stays on this one, the procedure under discussion.
     */
    answered: z.string().min(1).optional(),
  }),
  /** "Which procedure do you mean?" — asked when a facet came with no procedure at all. */
  z.object({ type: z.literal('which_procedure'), intent: ProcedureIntentSchema, aspects: z.array(z.string()).default([]) }),
  /**
   * "What is your dossier code?" With `code`, a dossier was just shown: 4 digits verify its
   * applicant, "nhận thông báo" subscribes to it, another code looks that one up.
   */
  z.object({ type: z.literal('dossier_code'), code: z.string().min(1).max(60).optional() }),
  /** "Which xã/phường do you live in?" — asked for a commune-level procedure's one-stop shop. */
  z.object({ type: z.literal('commune'), procedure: ProcedureRefSchema }),
]);
export type Pending = z.infer<typeof PendingSchema>;

export const ConversationStateSchema = z.object({
  version: z.literal(1).default(1),
  /** The procedure under discussion: follow-ups without a procedure apply to it. */
  procedure: ProcedureRefSchema.nullable().default(null),
  lastIntent: z.enum(INTENTS).nullable().default(null),
  /** The xã/phường the citizen said they live in (as the local data spells it). */
  commune: z.string().min(1).max(100).nullable().default(null),
  pending: PendingSchema.nullable().default(null),
  /** Turns in a row the bot could not help with; at 2 it offers an officer. */
  failedTurns: z.number().int().nonnegative().default(0),
  /** The citizen asked for an officer (the caller opened a ticket). */
  handoffRequested: z.boolean().default(false),
  turns: z.number().int().nonnegative().default(0),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export function initialState(): ConversationState {
  return ConversationStateSchema.parse({});
}

/** The stored state if it is readable, else a fresh one. */
export function parseState(raw: unknown): ConversationState {
  const parsed = ConversationStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : initialState();
}
