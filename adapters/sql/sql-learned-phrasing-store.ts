/** LearnedPhrasingStore over the Db seam (same SQL for PGlite and PostgreSQL): rows kept on removal, writes serialised so revisions commit in order. */
import type { Db } from './db/db.ts';
import { LearnedPhrasingExistsError, type LearnedPhrasing, type LearnedPhrasingStore } from '../../knowledge/local/learned-phrasings.ts';

const LEARNED_PHRASING_LOCK_KEY = 482_215_012;

interface PhrasingRow {
  id: string | number;
  code: string;
  text: string;
  words: string;
  author: string;
  reason: string;
  created_at: Date | string;
  removed_at: Date | string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

const COLUMNS = 'id, code, text, words, author, reason, created_at, removed_at, removed_by, removed_reason';

function toPhrasing(row: PhrasingRow): LearnedPhrasing {
  return {
    id: Number(row.id),
    code: row.code,
    text: row.text,
    words: row.words,
    author: row.author,
    reason: row.reason,
    at: new Date(row.created_at),
    ...(row.removed_at !== null ? { removed: { by: row.removed_by ?? '', reason: row.removed_reason ?? '', at: new Date(row.removed_at) } } : {}),
  };
}

export function createSqlLearnedPhrasingStore(db: Db): LearnedPhrasingStore {
  return {
    async add(phrasing) {
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LEARNED_PHRASING_LOCK_KEY]);
        const existing = await tx.query<PhrasingRow>(`SELECT ${COLUMNS} FROM learned_phrasings WHERE code = $1 AND words = $2 AND removed_at IS NULL`, [phrasing.code, phrasing.words]);
        if (existing.rows[0]) throw new LearnedPhrasingExistsError(toPhrasing(existing.rows[0]));
        const { rows } = await tx.query<PhrasingRow>(
          `INSERT INTO learned_phrasings (code, text, words, author, reason) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [phrasing.code, phrasing.text, phrasing.words, phrasing.author, phrasing.reason],
        );
        return toPhrasing(rows[0]!);
      });
    },
    async remove(id, by, reason) {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LEARNED_PHRASING_LOCK_KEY]);
        const { rows } = await tx.query<PhrasingRow>(
          `UPDATE learned_phrasings SET removed_at = now(), removed_by = $2, removed_reason = $3, revision = nextval('learned_phrasing_revisions')
           WHERE id = $1 AND removed_at IS NULL RETURNING ${COLUMNS}`,
          [id, by, reason],
        );
        return rows[0] ? toPhrasing(rows[0]) : null;
      });
    },
    async active() {
      const { rows } = await db.query<PhrasingRow>(`SELECT ${COLUMNS} FROM learned_phrasings WHERE removed_at IS NULL ORDER BY id`);
      return rows.map(toPhrasing);
    },
    async get(id) {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const { rows } = await db.query<PhrasingRow>(`SELECT ${COLUMNS} FROM learned_phrasings WHERE id = $1`, [id]);
      return rows[0] ? toPhrasing(rows[0]) : null;
    },
    async revision() {
      const { rows } = await db.query<{ revision: string | number | null }>('SELECT max(revision) AS revision FROM learned_phrasings');
      return Number(rows[0]?.revision ?? 0);
    },
  };
}
