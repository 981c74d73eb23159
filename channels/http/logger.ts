/**
 * Structured JSON logs (pino). Personal data is masked before anything is written, in every log
 * line: fields named like personal data, phone and ID numbers and e-mail addresses in any string,
 * and errors reduced to safe fields (never a database error's query parameters or row detail).
 */
import pino, { type Logger } from 'pino';
import { isPersonalField, maskPersonalData } from '../../knowledge/personal-data.ts';

/** Error fields worth logging; a driver's `params`, `query`, `detail`, `where` (row values) are dropped. */
const SAFE_ERROR_FIELDS = ['type', 'name', 'code', 'severity', 'routine', 'status', 'kind'];

function safeError(error: unknown): unknown {
  if (!(error instanceof Error)) return maskDeep(error, 0);
  const out: Record<string, unknown> = { message: maskPersonalData(error.message) };
  for (const field of SAFE_ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (!out.type) out.type = error.constructor.name;
  if (error.stack) out.stack = maskPersonalData(error.stack);
  if (error.cause !== undefined) out.cause = safeError(error.cause);
  return out;
}

/** Masks personal fields and personal data in strings, at any depth. */
function maskDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value instanceof Error) return safeError(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isPersonalField(key) && item != null ? '[masked]' : maskDeep(item, depth + 1);
  return out;
}

export { maskPersonalData };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tro-ly-thu-tuc' },
      serializers: { err: safeError, error: safeError },
      formatters: {
        log: (object) => maskDeep(object, 0) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
