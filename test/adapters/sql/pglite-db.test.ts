/**
 * The embedded PGlite runs in a worker thread (adapters/sql/db/pglite-db.ts): a process waits for
 * its queries, exits once nothing waits (an open but idle database does not keep it alive), and a
 * closed database refuses further queries with a clear error.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('PGlite in its worker thread', () => {
  test('a script that never closes the database still gets its rows and then exits', () => {
    const script = [
      "import { openPgliteDb } from './adapters/sql/db/pglite-db.ts';",
      'const db = await openPgliteDb(null);',
      "await db.exec('CREATE TABLE t (v TEXT)');",
      "await db.transaction(async (tx) => { await tx.query('INSERT INTO t VALUES ($1)', ['khai sinh']); });",
      "const { rows } = await db.query('SELECT v FROM t');",
      'console.log(JSON.stringify(rows));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('[{"v":"khai sinh"}]');
  }, 90_000);

  test('after close, a query is refused with an error saying the database is closed', async () => {
    const db = await openPgliteDb(null);
    expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
    await db.close();
  }, 60_000);
});
