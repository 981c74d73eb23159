/** OverlayStore over the Db seam (same SQL for PGlite and PostgreSQL): append-only versions. */
import type { Db, Transaction } from './db/db.ts';
import { OverlayFieldsSchema, type OverlayChannel, type OverlayEntry, type OverlayFields } from '../../knowledge/local/overlay.ts';
import { OverlayConflictError, type OverlayChange, type OverlayStore, type OverlayVersion } from '../../knowledge/local/overlay-store.ts';

const OVERLAY_LOCK_KEY = 482_215_010;

interface VersionRow {
  id: string | number;
  code: string;
  channel: OverlayChannel;
  commune: string;
  version: number;
  fields: unknown;
  previous: unknown;
  author: string;
  reason: string;
  revert_of: string | number | null;
  created_at: Date | string;
}

const COLUMNS = 'id, code, channel, commune, version, fields, previous, author, reason, revert_of, created_at';

const fieldsOf = (value: unknown): OverlayFields | null => (value === null || value === undefined ? null : OverlayFieldsSchema.parse(value));

function toVersion(row: VersionRow): OverlayVersion {
  return {
    id: Number(row.id),
    code: row.code,
    channel: row.channel,
    ...(row.commune ? { commune: row.commune } : {}),
    version: row.version,
    fields: fieldsOf(row.fields),
    previous: fieldsOf(row.previous),
    author: row.author,
    reason: row.reason,
    ...(row.revert_of !== null ? { revertOf: Number(row.revert_of) } : {}),
    at: new Date(row.created_at),
  };
}

async function saveOne(tx: Transaction, change: OverlayChange): Promise<OverlayVersion> {
  const { rows } = await tx.query<{ version: number; fields: unknown }>(
    'SELECT version, fields FROM local_overlay_versions WHERE code = $1 AND channel = $2 AND commune = $3 ORDER BY version DESC LIMIT 1',
    [change.code, change.channel, change.commune ?? ''],
  );
  const current = rows[0];
  const currentVersion = current?.version ?? 0;
  if (change.expectedVersion !== undefined && change.expectedVersion !== currentVersion) {
    throw new OverlayConflictError({ code: change.code, channel: change.channel, ...(change.commune ? { commune: change.commune } : {}) }, currentVersion);
  }
  const inserted = await tx.query<VersionRow>(
    `INSERT INTO local_overlay_versions (code, channel, commune, version, fields, previous, author, reason, revert_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      change.code,
      change.channel,
      change.commune ?? '',
      currentVersion + 1,
      change.fields ? JSON.stringify(change.fields) : null,
      current?.fields ? JSON.stringify(current.fields) : null,
      change.author,
      change.reason,
      change.revertOf ?? null,
    ],
  );
  return toVersion(inserted.rows[0]!);
}

export function createSqlOverlayStore(db: Db): OverlayStore {
  return {
    async save(changes) {
      if (changes.length === 0) return [];
      return db.transaction(async (tx) => {
        // One writer at a time: the version read and the insert must not interleave with another save.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [OVERLAY_LOCK_KEY]);
        const saved: OverlayVersion[] = [];
        for (const change of changes) saved.push(await saveOne(tx, change));
        return saved;
      });
    },
    async published() {
      const { rows } = await db.query<VersionRow>(
        `SELECT ${COLUMNS} FROM (
           SELECT DISTINCT ON (code, channel, commune) ${COLUMNS} FROM local_overlay_versions ORDER BY code, channel, commune, version DESC
         ) latest WHERE fields IS NOT NULL ORDER BY code, channel, commune`,
      );
      return rows.map((row): OverlayEntry => {
        const version = toVersion(row);
        return { code: version.code, channel: version.channel, ...(version.commune ? { commune: version.commune } : {}), fields: version.fields!, version: version.version, at: version.at };
      });
    },
    async history(code) {
      const { rows } = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM local_overlay_versions WHERE code = $1 ORDER BY id DESC`, [code]);
      return rows.map(toVersion);
    },
    async get(id) {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const { rows } = await db.query<VersionRow>(`SELECT ${COLUMNS} FROM local_overlay_versions WHERE id = $1`, [id]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async latestId() {
      const { rows } = await db.query<{ id: string | number | null }>('SELECT max(id) AS id FROM local_overlay_versions');
      return Number(rows[0]?.id ?? 0);
    },
  };
}
