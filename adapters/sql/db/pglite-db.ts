/** The embedded default: PGlite (Postgres in WASM) with its files under DATA_DIR/pglite. */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Db, QueryResult } from './db.ts';

export async function openPgliteDb(directory: string | null): Promise<Db> {
  if (directory) await mkdir(directory, { recursive: true });
  const pglite = directory ? await PGlite.create(directory) : await PGlite.create();
  const run = async <Row>(
    client: Pick<PGlite, 'query'>,
    sql: string,
    params: unknown[] = [],
  ): Promise<QueryResult<Row>> => {
    const result = await client.query<Row>(sql, params);
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => pglite.close(),
  };
}
