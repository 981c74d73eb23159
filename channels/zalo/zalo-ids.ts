/** Zalo user ids are personal data: logs and client keys carry a short one-way digest instead. */
import { createHash } from 'node:crypto';

export function maskZaloId(id: string): string {
  return `zid:${createHash('sha256').update(`zalo-user:${id}`, 'utf8').digest('hex').slice(0, 12)}`;
}
