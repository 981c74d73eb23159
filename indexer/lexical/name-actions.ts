/**
 * Procedure names open with what is done: "Cấp", "Cấp lại", "Gia hạn", "Xóa đăng ký"… Near-twin
 * procedures differ only by that action, and a question that does not say "gia hạn" is not
 * about the renewal. The specific actions (everything but plain cấp / đăng ký / thủ tục) are
 * listed folded; a name opening with one the question lacks is demoted.
 */
import { foldedKey } from '../vietnamese/normalize.ts';

export const SPECIFIC_ACTIONS = [
  'cap lai', 'cap doi', 'gia han', 'xoa dang ky', 'xoa', 'huy', 'thu hoi', 'thay doi', 'sua doi', 'bo sung',
  'dieu chinh', 'cham dut', 'tam ngung', 'dinh chi', 'chuyen nhuong', 'chuyen doi', 'dang ky lai', 'cai chinh',
  'mien', 'giam', 'hoan', 'khoi phuc', 'phuc hoi', 'giai the', 'hop nhat', 'sap nhap', 'chia', 'tach',
  'tra lai', 'rut', 'cong bo lai',
];

const LEADING_FILLER = /^(?:thu tuc|tthc)\s+/;

/** The specific action a procedure name opens with, folded, or null ("Cấp giấy phép…"). */
export function nameAction(name: string): string | null {
  const folded = foldedKey(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(LEADING_FILLER, '');
  for (const action of SPECIFIC_ACTIONS) if (folded === action || folded.startsWith(`${action} `)) return action;
  return null;
}

/** True when the folded, space-separated question says the action. */
export function questionSays(foldedQuestion: string, action: string): boolean {
  return ` ${foldedQuestion} `.includes(` ${action} `);
}
