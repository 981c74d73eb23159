/**
 * The public view of a dossier — what anyone holding the code may see: procedure, status in
 * plain words, dates, current step, agency. Never the applicant.
 */
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import { isDemoCode } from '../../knowledge/dossiers/dossier-code.ts';
import { deadlineOf, vietnamDay, VIETNAM_CALENDAR, type WorkingCalendar } from '../../knowledge/dossiers/working-days.ts';
import type { DossierStatus } from '../deps.ts';
import { STATUS_WORDS, isAgencysTurn } from './status-words.ts';

export function toPublicStatus(dossier: Dossier, now: Date, calendar: WorkingCalendar = VIETNAM_CALENDAR): DossierStatus {
  const deadline = deadlineOf(dossier.dueAt, now, calendar);
  // The clock runs only while the agency holds the dossier; waiting for the citizen or paused, it does not.
  const running = isAgencysTurn(dossier.status);
  return {
    code: dossier.code,
    state: dossier.status,
    status: STATUS_WORDS[dossier.status].label,
    ...(dossier.procedureName ? { procedureName: dossier.procedureName } : {}),
    receivedDate: vietnamDay(dossier.receivedAt),
    dueDate: deadline.dueDay,
    ...(dossier.step ? { step: dossier.step } : {}),
    ...(dossier.agency ? { agency: dossier.agency } : {}),
    ...(dossier.note ? { note: dossier.note } : {}),
    overdueWorkingDays: running ? deadline.workingDaysLate : 0,
    workingDaysLeft: running ? deadline.workingDaysLeft : 0,
    ...(isDemoCode(dossier.code) ? { demo: true } : {}),
  };
}

/** "0912345678" → "******5678". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}
