/** DossierStore over the Db seam (same SQL on PGlite and PostgreSQL); tables from migration 3. */
import type { Db, Transaction } from './db/db.ts';
import type { Dossier, DossierHistoryEntry, DossierState } from '../../knowledge/dossiers/dossier.ts';
import { isDemoCode } from '../../knowledge/dossiers/dossier-code.ts';
import { sameContent, type DossierStore, type PushResult } from '../../knowledge/dossiers/dossier-store.ts';

interface DossierRow {
  code: string;
  procedure_code: string;
  procedure_name: string | null;
  received_at: Date | string;
  due_at: Date | string;
  status: DossierState;
  step: string | null;
  agency: string | null;
  note: string | null;
  applicant_name: string;
  applicant_phone: string;
  updated_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const toDossier = (row: DossierRow): Dossier => ({
  code: row.code,
  procedureCode: row.procedure_code,
  procedureName: row.procedure_name,
  receivedAt: iso(row.received_at),
  dueAt: iso(row.due_at),
  status: row.status,
  step: row.step,
  agency: row.agency,
  note: row.note,
  applicant: { name: row.applicant_name, phone: row.applicant_phone },
  updatedAt: iso(row.updated_at),
});

const COLUMNS = `code, procedure_code, procedure_name, received_at, due_at, status, step, agency, note,
  applicant_name, applicant_phone, is_demo, updated_at`;

const values = (d: Dossier): unknown[] => [
  d.code,
  d.procedureCode,
  d.procedureName,
  d.receivedAt,
  d.dueAt,
  d.status,
  d.step,
  d.agency,
  d.note,
  d.applicant.name,
  d.applicant.phone,
  isDemoCode(d.code),
  d.updatedAt,
];

async function appendHistory(tx: Transaction, d: Dossier): Promise<void> {
  await tx.query('INSERT INTO dossier_history (code, status, step, note, changed_at) VALUES ($1, $2, $3, $4, $5)', [
    d.code,
    d.status,
    d.step,
    d.note,
    d.updatedAt,
  ]);
}

export function createSqlDossierStore(db: Db): DossierStore {
  return {
    name: 'built-in',
    async find(code) {
      const { rows } = await db.query<DossierRow>('SELECT * FROM dossiers WHERE code = $1', [code]);
      return rows[0] ? toDossier(rows[0]) : null;
    },
    upsert(dossier) {
      return db.transaction(async (tx): Promise<PushResult> => {
        // Insert-if-absent first, so two first pushes racing on PostgreSQL cannot both create.
        const inserted = await tx.query(
          `INSERT INTO dossiers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (code) DO NOTHING RETURNING code`,
          values(dossier),
        );
        if (inserted.rows.length > 0) {
          await appendHistory(tx, dossier);
          return { result: 'created', statusChanged: true, previousStatus: null, dossier };
        }
        const { rows } = await tx.query<DossierRow>('SELECT * FROM dossiers WHERE code = $1 FOR UPDATE', [dossier.code]);
        const stored = toDossier(rows[0] as DossierRow);
        if (sameContent(stored, dossier)) {
          return { result: 'unchanged', statusChanged: false, previousStatus: stored.status, dossier: stored };
        }
        await tx.query(
          `UPDATE dossiers SET procedure_code = $2, procedure_name = $3, received_at = $4, due_at = $5, status = $6,
             step = $7, agency = $8, note = $9, applicant_name = $10, applicant_phone = $11, is_demo = $12, updated_at = $13
           WHERE code = $1`,
          values(dossier),
        );
        const statusChanged = stored.status !== dossier.status;
        if (statusChanged) await appendHistory(tx, dossier);
        return { result: 'updated', statusChanged, previousStatus: stored.status, dossier };
      });
    },
    async history(code) {
      const { rows } = await db.query<{ status: DossierState; step: string | null; note: string | null; changed_at: Date | string }>(
        'SELECT status, step, note, changed_at FROM dossier_history WHERE code = $1 ORDER BY id',
        [code],
      );
      return rows.map((r): DossierHistoryEntry => ({ status: r.status, step: r.step, note: r.note, changedAt: iso(r.changed_at) }));
    },
    async count(options = {}) {
      const { rows } = await db.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM dossiers${options.realOnly ? ' WHERE NOT is_demo' : ''}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
