/**
 * Structured JSON logs (pino). Personal data is masked before anything is written: phone
 * numbers, ID numbers (CMND/CCCD), e-mail addresses, and fields named like personal data.
 */
import pino, { type Logger } from 'pino';

const PERSONAL_FIELDS = ['name', 'phone', 'applicant', 'idNumber', 'email', 'address', 'password', 'token', 'authorization', 'cookie'];

const PATTERNS: Array<[RegExp, (match: string) => string]> = [
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, () => '[email]'],
  // 9–12 digit runs (CMND 9, CCCD 12, phone 10–11), with optional +84 and separators.
  [/(?:\+?84|0)?(?:[\s.-]?\d){8,11}\d/g, (match) => `***${match.replace(/\D/g, '').slice(-2)}`],
];

/** Masks personal data inside free text (messages citizens type may contain it). */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace);
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tro-ly-thu-tuc' },
      redact: {
        paths: PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
        censor: '[masked]',
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
