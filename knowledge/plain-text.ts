/**
 * Characters no person types into a form — C0 controls other than tab, line feed and carriage
 * return, and DEL — so their presence means binary or forged input (PostgreSQL cannot even store NUL).
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

export const CONTROL_CHARACTER_REASON = 'chứa ký tự điều khiển (ví dụ NUL) không hợp lệ';
