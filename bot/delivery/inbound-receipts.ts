/**
 * Webhook deliveries a push channel has accepted, kept durably: a provider's retry of the same
 * event is recognised (answered once), and an accepted event whose processing did not finish
 * (a restart, the assistant still loading) is processed later rather than lost.
 */
export interface InboundReceipt {
  channel: string;
  /** The provider's id of the event (Zalo's msg_id), or a key built from it. */
  key: string;
  event: unknown;
  attempts: number;
}

export interface InboundReceipts {
  /**
   * Stores the event, leased to its receiver until `leaseUntil` (then a sweep may take it if it is
   * still unprocessed); false when this key was already accepted (a duplicate delivery).
   */
  accept(channel: string, key: string, event: unknown, leaseUntil: Date): Promise<boolean>;
  /** Leases up to `limit` unprocessed events whose lease ran out by `now`, until `leaseUntil`. */
  due(channel: string, now: Date, limit: number, leaseUntil: Date): Promise<InboundReceipt[]>;
  processed(channel: string, key: string, at: Date): Promise<void>;
  /** Processing failed: try again at `retryAt`, or give up (processed with an error) when null. */
  failed(channel: string, key: string, error: string, retryAt: Date | null): Promise<void>;
  /** Accepted events not processed yet. */
  unprocessedCount(channel: string): Promise<number>;
}
