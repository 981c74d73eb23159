/**
 * Named locks held until the end of a transaction (pg_advisory_xact_lock; PGlite and PostgreSQL
 * alike), for "count, then insert" steps that must not interleave between requests or instances.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from './db.ts';

/** The 64-bit lock number of a name: the first 8 bytes of its SHA-256, signed. */
export function lockNumber(name: string): bigint {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0);
}

/**
 * Locks every name for the rest of the transaction, in ascending lock-number order, so two
 * transactions wanting overlapping names never wait on each other crosswise.
 */
export async function lockNames(tx: Transaction, names: Iterable<string>): Promise<void> {
  const numbers = [...new Set([...names].map(lockNumber))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const n of numbers) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [n.toString()]);
}
