/** ProcedureStore over the Db seam (same SQL for PGlite and PostgreSQL). */
import { checksumOf } from '../../knowledge/checksum.ts';
import type { Db } from './db/db.ts';
import type { ProcedureStore, UpsertSummary } from '../../knowledge/procedure-store.ts';
import { ProcedureSchema, type Procedure } from '../../knowledge/schema.ts';

const UPSERT_BATCH = 200;

export function createSqlProcedureStore(db: Db): ProcedureStore {
  const decode = (row: { record: unknown }): Procedure => ProcedureSchema.parse(row.record);

  return {
    async upsertMany(procedures) {
      const summary: UpsertSummary = { inserted: 0, updated: 0, unchanged: 0 };
      for (let start = 0; start < procedures.length; start += UPSERT_BATCH) {
        const batch = procedures.slice(start, start + UPSERT_BATCH);
        await db.transaction(async (tx) => {
          for (const procedure of batch) {
            const checksum = checksumOf(procedure);
            const result = await tx.query<{ inserted: boolean }>(
              `INSERT INTO procedures (code, origin, name, record, checksum)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (code) DO UPDATE
                 SET origin = EXCLUDED.origin, name = EXCLUDED.name, record = EXCLUDED.record,
                     checksum = EXCLUDED.checksum, updated_at = now()
                 WHERE procedures.checksum <> EXCLUDED.checksum
               RETURNING (xmax = 0) AS inserted`,
              [procedure.code, procedure.origin, procedure.name, JSON.stringify(procedure), checksum],
            );
            const row = result.rows[0];
            if (!row) summary.unchanged += 1;
            else if (row.inserted) summary.inserted += 1;
            else summary.updated += 1;
          }
        });
      }
      return summary;
    },
    async get(code) {
      const { rows } = await db.query<{ record: unknown }>(
        'SELECT record FROM procedures WHERE code = $1',
        [code],
      );
      return rows[0] ? decode(rows[0]) : null;
    },
    async all() {
      const { rows } = await db.query<{ record: unknown }>('SELECT record FROM procedures ORDER BY code');
      return rows.map(decode);
    },
    async count() {
      const { rows } = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM procedures');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
