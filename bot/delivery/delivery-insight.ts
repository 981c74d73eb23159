/**
 * What officers should know before they answer on a push channel: whether the citizen can still
 * be reached for free (the messaging window and its remaining replies, flagged when low) and
 * which messages could not be delivered, with the reason.
 */
import type { ReplyWindow } from './channel-contacts.ts';
import type { OutboxFailure } from './outbox-store.ts';

export interface DeliveryFailure {
  messageId: number;
  failure: OutboxFailure;
  error: string | null;
  at: string | null;
}

export interface DeliveryStatus {
  channel: string;
  window: ReplyWindow & {
    /** Few free replies left (or none): an officer's long answer may not all arrive. */
    low: boolean;
  };
  /** Messages still waiting to go out. */
  pending: number;
  failures: DeliveryFailure[];
}

export interface DeliveryInsight {
  /** The conversation's delivery status; null when it is not on a push channel. */
  status(conversationId: string): Promise<DeliveryStatus | null>;
}
