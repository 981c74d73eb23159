/**
 * A dossier (hồ sơ) as the one-stop system (Bộ phận Một cửa) reports it, and the zod schema of
 * what it pushes — shared by the integration API, the bulk import and the external adapter.
 */
import { z } from 'zod';
import { CONTROL_CHARACTER_REASON, hasControlCharacter } from '../plain-text.ts';

/** The one-stop system's status vocabulary (the plain words are in bot/dossiers/status-words.ts). */
export const DOSSIER_STATES = [
  'received',
  'processing',
  'need_supplement',
  'paused',
  'result_ready',
  'returned',
  'rejected',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export function isDossierState(value: unknown): value is DossierState {
  return typeof value === 'string' && (DOSSIER_STATES as readonly string[]).includes(value);
}

export interface Applicant {
  name: string;
  /** Digits only, as received (leading 0 or 84 country code kept). */
  phone: string;
}

export interface Dossier {
  /** Canonical code (dossier-code.ts). */
  code: string;
  procedureCode: string;
  procedureName: string | null;
  /** ISO instants. */
  receivedAt: string;
  dueAt: string;
  status: DossierState;
  step: string | null;
  agency: string | null;
  /** What is missing (need_supplement), the reason (rejected, paused), where to collect (result_ready). */
  note: string | null;
  applicant: Applicant;
  updatedAt: string;
}

/** One status change, oldest first. */
export interface DossierHistoryEntry {
  status: DossierState;
  step: string | null;
  note: string | null;
  changedAt: string;
}

const isoDateOrDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'phải là ngày ISO 8601 (YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm:ss+07:00)',
});

/** Text a person could have typed: no NUL or other control characters (they would never display, and PostgreSQL refuses NUL). */
const plainText = (max: number, min = 0) =>
  z.string().trim().min(min).max(max).refine((value) => !hasControlCharacter(value), { message: CONTROL_CHARACTER_REASON });

const optionalText = (max: number) =>
  plainText(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx, separators allowed. */
const phone = z
  .string()
  .transform((value) => value.replace(/[\s.()-]/g, '').replace(/^\+/, ''))
  .refine((value) => /^(0\d{9,10}|84\d{9,10})$/.test(value), { message: 'số điện thoại không hợp lệ' });

/** The body of PUT /api/integration/dossiers/:code (and one record of a bulk import, minus the code). */
export const DossierInputSchema = z
  .object({
    procedureCode: plainText(50, 1),
    procedureName: optionalText(500),
    receivedAt: isoDateOrDateTime,
    dueAt: isoDateOrDateTime,
    status: z.enum(DOSSIER_STATES, { error: `phải là một trong: ${DOSSIER_STATES.join(', ')}` }),
    step: optionalText(300),
    agency: optionalText(300),
    note: optionalText(1000),
    applicant: z.object({ name: plainText(200, 1), phone }),
  })
  .superRefine((input, ctx) => {
    if (Date.parse(toInstant(input.dueAt)) < Date.parse(toInstant(input.receivedAt))) {
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'hạn trả kết quả sớm hơn ngày tiếp nhận' });
    }
    if ((input.status === 'need_supplement' || input.status === 'rejected') && !input.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: input.status === 'need_supplement' ? 'cần ghi giấy tờ phải bổ sung' : 'cần ghi lý do từ chối',
      });
    }
  });
export type DossierInput = z.infer<typeof DossierInputSchema>;

/** A date-only value is midnight in Vietnam (UTC+7, no daylight saving). */
export function toInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`).toISOString() : new Date(value).toISOString();
}

export class DossierInputError extends Error {
  constructor(
    /** Dotted path of the first bad field ("applicant.phone"). */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`invalid ${field}: ${reason}`);
    this.name = 'DossierInputError';
  }
}

/**
 * The years a dossier's dates may fall in (Vietnam time): from 2000 to ten years after the
 * current year. Anything else is a typo or an attack, and no working-day count means anything there.
 */
export const DATE_WINDOW = { firstYear: 2000, yearsAhead: 10 } as const;

const vietnamYear = (instant: string): number => new Date(Date.parse(instant) + 7 * 3_600_000).getUTCFullYear();

function checkDateWindow(input: DossierInput, now: Date): void {
  const lastYear = vietnamYear(now.toISOString()) + DATE_WINDOW.yearsAhead;
  for (const field of ['receivedAt', 'dueAt'] as const) {
    const year = vietnamYear(toInstant(input[field]));
    if (!(year >= DATE_WINDOW.firstYear && year <= lastYear)) {
      throw new DossierInputError(field, `ngày phải trong khoảng từ năm ${DATE_WINDOW.firstYear} đến năm ${lastYear}`);
    }
  }
}

/** Validates one pushed record; throws DossierInputError naming the first bad field. */
export function parseDossierInput(body: unknown, now = new Date()): DossierInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DossierInputError('body', 'phải là một đối tượng JSON');
  const parsed = DossierInputSchema.safeParse(body);
  if (parsed.success) {
    checkDateWindow(parsed.data, now);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : 'body';
  const reason = issue?.code === 'invalid_type' && issue.input === undefined ? 'bắt buộc' : (issue?.message ?? 'không hợp lệ');
  throw new DossierInputError(field, reason);
}

/** The stored shape of a validated input. */
export function toDossier(code: string, input: DossierInput, updatedAt = new Date()): Dossier {
  return {
    code,
    procedureCode: input.procedureCode,
    procedureName: input.procedureName,
    receivedAt: toInstant(input.receivedAt),
    dueAt: toInstant(input.dueAt),
    status: input.status,
    step: input.step,
    agency: input.agency,
    note: input.note,
    applicant: { name: input.applicant.name, phone: input.applicant.phone },
    updatedAt: updatedAt.toISOString(),
  };
}
