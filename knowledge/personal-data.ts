/**
 * Personal data masking in one place: phone numbers (Vietnamese mobile and landline), ID numbers
 * (CCCD 12 digits, CMND 9), e-mail addresses in free text, and the field names that hold personal
 * data (applicant names, phones, addresses, secrets) — used by the logs and the desk's messages.
 */

/** Field names whose values are never logged as they are (compared case-insensitively). */
export const PERSONAL_FIELDS = [
  'name', 'fullName', 'applicantName', 'displayName', 'applicant', 'phone', 'callbackPhone', 'idNumber', 'cccd', 'cmnd',
  'email', 'address', 'password', 'token', 'authorization', 'cookie', 'params', 'parameters', 'body',
];
const PERSONAL = new Set(PERSONAL_FIELDS.map((field) => field.toLowerCase()));

export const isPersonalField = (key: string): boolean => PERSONAL.has(key.toLowerCase());

const PATTERNS: Array<[RegExp, (match: string) => string]> = [
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, () => '[email]'],
  // Mobile (0/+84 + 9 digits), landline (02x + 8 digits), CMND (9), CCCD (12): 9–12 digit runs, separators allowed.
  [/(?:\+?84|0)?(?:[\s.-]?\d){8,11}\d/g, (match) => `***${match.replace(/\D/g, '').slice(-2)}`],
];

/** Masks phone numbers, ID numbers and e-mail addresses inside free text. */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace);
  return out;
}

/** "0912345678" → "*******678" (what an officer sees of a callback number). */
export const maskPhone = (phone: string): string => `${'*'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
