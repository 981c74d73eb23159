/** One sample dossier for tests: a birth registration being processed; `extra` changes any field. */
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';

export function sampleDossier(code: string, extra: Partial<Dossier> = {}): Dossier {
  return {
    code,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    receivedAt: '2025-03-03T01:00:00.000Z',
    dueAt: '2025-03-07T10:00:00.000Z',
    status: 'processing',
    step: null,
    agency: null,
    note: null,
    applicant: { name: 'Trần Thị Bình', phone: '0987654321' },
    updatedAt: '2025-03-03T01:00:00.000Z',
    ...extra,
  };
}
