/** LocalProcedureStore over the Db seam (same SQL for PGlite and PostgreSQL): append-only versions of whole records. */
import type { Db, Transaction } from './db/db.ts';
import { ProcedureSchema, type Procedure } from '../../knowledge/schema.ts';
import { OverlayConflictError, type LocalProcedureChange, type LocalProcedureStore, type LocalProcedureVersion } from '../../knowledge/local/overlay-store.ts';

const LOCAL_PROCEDURE_LOCK_KEY = 482_215_011;

interface VersionRow {
  id: string | number;
  code: string;
  version: number;
  record: unknown;
  previous: unknown;
  author: string;
  reason: string;
  revert_of: string | number | null;
  created_at: Date | string;
}

const COLUMNS = 'id, code, version, record, previous, author, reason, revert_of, created_at';
const recordOf = (value: unknown): Procedure | null => (value === null || value === undefined ? null : ProcedureSchema.parse(value));

function toVersion(row: VersionRow): LocalProcedureVersion {
  return {
    id: Number(row.id),
    code: row.code,
    version: row.version,
    record: recordOf(row.record),
    previous: recordOf(row.previous),
    author: row.author,
    reason: row.reason,
    ...(row.revert_of !== null ? { revertOf: Number(row.revert_of) } : {}),
    at: new Date(row.created_at),
  };
}

async function saveOne(tx: Transaction, change: LocalProcedureChange): Promise<LocalProcedureVersion> {
  const { rows } = await tx.query<{ version: number; record: unknown }>(
    'SELECT version, record FROM local_procedure_versions WHERE code = $1 ORDER BY version DESC LIMIT 1',
    [change.code],
  );
  const current = rows[0];
  const currentVersion = current?.version ?? 0;
  if (change.expectedVersion !== undefined && change.expectedVersion !== currentVersion) throw new OverlayConflictError({ code: change.code }, currentVersion);
  const inserted = await tx.query<VersionRow>(
    `INSERT INTO local_procedure_versions (code, version, record, previous, author, reason, revert_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      change.code,
      currentVersion + 1,
      change.record ? JSON.stringify(change.record) : null,
      current?.record ? JSON.stringify(current.record) : null,
      change.author,
      change.reason,
      change.revertOf ?? null,
    ],
  );
  return toVersion(inserted.rows[0]!);
}

export function createSqlLocalProcedureStore(db: Db): LocalProcedureStore {
  return {
    async save(changes) {
      if (changes.length === 0) return [];
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCAL_PROCEDURE_LOCK_KEY]);
        const saved: LocalProcedureVersion[] = [];
        for (const change of changes) saved.push(await saveOne(tx, change));
        return saved;
      });
    },
    async published() {
      const { rows } = await db.query<{ record: unknown }>(
        `SELECT record FROM (
           SELECT DISTINCT ON (code) code, record FROM local_procedure_versions ORDER BY code, version DESC
         ) latest WHERE record IS NOT NULL ORDER BY code`,
      );
      return rows.map((row) => ProcedureSchema.parse(row.record));
    },
    async history(code) {
      const { rows } = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM local_procedure_versions WHERE code = $1 ORDER BY id DESC`, [code]);
      return rows.map(toVersion);
    },
    async get(id) {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const { rows } = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM local_procedure_versions WHERE id = $1`, [id]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async latestId() {
      const { rows } = await db.query<{ id: string | number | null }>('SELECT max(id) AS id FROM local_procedure_versions');
      return Number(rows[0]?.id ?? 0);
    },
  };
}
