/**
 * The Db seam's named transaction locks (knowledge/db/advisory-locks.ts), on PGlite and
 * PostgreSQL: "read, then write" under a lock loses no update however many run at once, and
 * transactions locking the same names in different orders never deadlock.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lockNames, lockNumber } from '../../adapters/sql/db/advisory-locks.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('named transaction locks on $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
    await database.db.exec('CREATE TABLE lock_probe (name TEXT NOT NULL, n INTEGER NOT NULL, UNIQUE (name, n))');
  }, 120_000);
  afterAll(async () => database?.dispose());

  test('lock numbers are stable 64-bit values, distinct for distinct names', () => {
    expect(lockNumber('a')).toBe(lockNumber('a'));
    expect(lockNumber('a')).not.toBe(lockNumber('b'));
    expect(lockNumber('a') >= -(2n ** 63n) && lockNumber('a') < 2n ** 63n).toBe(true);
  });

  test('40 concurrent "read the last number, insert the next" under one lock: 1 … 40, none lost', async () => {
    const next = () =>
      database.db.transaction(async (tx) => {
        await lockNames(tx, ['probe:counter']);
        const { rows } = await tx.query<{ n: number | null }>(`SELECT max(n) AS n FROM lock_probe WHERE name = 'counter'`);
        await tx.query(`INSERT INTO lock_probe (name, n) VALUES ('counter', $1)`, [Number(rows[0]?.n ?? 0) + 1]);
      });
    await Promise.all(Array.from({ length: 40 }, next));
    const { rows } = await database.db.query<{ n: number }>(`SELECT n FROM lock_probe WHERE name = 'counter' ORDER BY n`);
    expect(rows.map((r) => Number(r.n))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  }, 120_000);

  test('names asked for in different orders are taken in one order: no deadlock', async () => {
    const both = (names: string[], i: number) =>
      database.db.transaction(async (tx) => {
        await lockNames(tx, names);
        await tx.query(`INSERT INTO lock_probe (name, n) VALUES ('order', $1)`, [i]);
      });
    await Promise.all(Array.from({ length: 30 }, (_, i) => both(i % 2 ? ['x', 'y', 'x'] : ['y', 'x'], i)));
    const { rows } = await database.db.query<{ c: number | string }>(`SELECT count(*) AS c FROM lock_probe WHERE name = 'order'`);
    expect(Number(rows[0]?.c)).toBe(30);
  }, 120_000);
});
