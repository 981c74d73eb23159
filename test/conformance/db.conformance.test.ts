/** One conformance suite for the Db seam and the procedure repository, run against every implementation. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { createSqlProcedureStore } from '../../adapters/sql/sql-procedure-store.ts';
import { ProcedureSchema, type Procedure } from '../../knowledge/schema.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

function sampleProcedure(code: string, name: string): Procedure {
  return ProcedureSchema.parse({
    code,
    name,
    levels: ['xa'],
    sector: 'Hộ tịch',
    channels: [
      {
        method: 'truc_tiep',
        time: { value: 3, unit: 'working_days' },
        fees: [{ kind: 'free', label: 'Lệ phí', amountVnd: null }],
      },
    ],
    documents: [{ name: 'Tờ khai theo mẫu', originals: 1 }],
    legalBasis: [{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }],
    lastUpdated: '2026-07-01',
    origin: 'national',
  });
}

describe.each(DB_FACTORIES)('Db conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('reports its kind', () => {
    expect(database.db.kind).toBe(factory.name);
  });

  test('runs parameterised queries and returns typed rows', async () => {
    const { rows } = await database.db.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [7, 'hộ tịch']);
    expect(rows).toEqual([{ n: 7, s: 'hộ tịch' }]);
  });

  test('migrations are idempotent', async () => {
    expect(await migrate(database.db)).toEqual([]);
  });

  test('a transaction that throws rolls back', async () => {
    await database.db.query('CREATE TABLE IF NOT EXISTS scratch (v TEXT)');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.query("INSERT INTO scratch VALUES ('mất')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await database.db.query("SELECT * FROM scratch WHERE v = 'mất'");
    expect(rows).toHaveLength(0);
  });

  test('a database error carries its SQLSTATE code and message', async () => {
    const failure = await database.db.query('SELECT * FROM bang_khong_co').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error & { code?: string }).code).toBe('42P01');
    expect((failure as Error).message).toMatch(/bang_khong_co/);
  });

  test('a failing statement inside a transaction rejects with its error and rolls the rest back', async () => {
    await database.db.query('CREATE TABLE IF NOT EXISTS scratch_unique (v TEXT PRIMARY KEY)');
    await database.db.query("INSERT INTO scratch_unique VALUES ('có sẵn')");
    const failure = await database.db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO scratch_unique VALUES ('mới')");
        await tx.query("INSERT INTO scratch_unique VALUES ('có sẵn')");
      })
      .catch((error: unknown) => error);
    expect((failure as Error & { code?: string }).code).toBe('23505');
    const { rows } = await database.db.query<{ v: string }>('SELECT v FROM scratch_unique ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual(['có sẵn']);
  });

  test('a committed transaction returns its value and keeps its rows; the next statements run after it', async () => {
    await database.db.query('CREATE TABLE IF NOT EXISTS scratch_kept (n INT)');
    const [value] = await Promise.all([
      database.db.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch_kept VALUES (1), (2)');
        return (await tx.query<{ total: number }>('SELECT sum(n)::int AS total FROM scratch_kept')).rows[0]!.total;
      }),
      database.db.query('INSERT INTO scratch_kept VALUES (10)'),
    ]);
    expect([3, 13]).toContain(value);
    const { rows } = await database.db.query<{ total: number }>('SELECT sum(n)::int AS total FROM scratch_kept');
    expect(rows[0]!.total).toBe(13);
  });

  test('rows keep their types: timestamps as Date, jsonb as objects, bytea as bytes, affected row counts', async () => {
    const { rows } = await database.db.query<{ t: unknown; j: unknown; b: unknown }>(
      "SELECT '2026-07-01T08:30:00Z'::timestamptz AS t, $1::jsonb AS j, '\\x0102ff'::bytea AS b",
      [JSON.stringify({ thuTuc: '1.000001', phi: [0, 50000] })],
    );
    expect(rows[0]!.t).toBeInstanceOf(Date);
    expect((rows[0]!.t as Date).toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(rows[0]!.j).toEqual({ thuTuc: '1.000001', phi: [0, 50000] });
    expect([...(rows[0]!.b as Uint8Array)]).toEqual([1, 2, 255]);
    await database.db.query('CREATE TABLE IF NOT EXISTS scratch_count (n INT)');
    await database.db.query('INSERT INTO scratch_count VALUES (1), (2), (3)');
    expect((await database.db.query('UPDATE scratch_count SET n = n + 1 WHERE n > 1')).affectedRows).toBe(2);
  });

  test('procedure upsert inserts, skips identical, updates changed records', async () => {
    const repository = createSqlProcedureStore(database.db);
    const first = sampleProcedure('1.000001', 'Đăng ký khai sinh');
    const second = sampleProcedure('1.000002', 'Đăng ký kết hôn');
    expect(await repository.upsertMany([first, second])).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await repository.upsertMany([first, second])).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const renamed = { ...first, name: 'Đăng ký khai sinh (sửa)' };
    expect(await repository.upsertMany([renamed])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await repository.get('1.000001'))?.name).toBe('Đăng ký khai sinh (sửa)');
    expect(await repository.get('9.999999')).toBeNull();
    expect(await repository.count()).toBe(2);
    expect((await repository.all()).map((p) => p.code)).toEqual(['1.000001', '1.000002']);
  });

  test('a stored record round-trips exactly', async () => {
    const repository = createSqlProcedureStore(database.db);
    const record = sampleProcedure('1.000003', 'Chứng thực chữ ký');
    await repository.upsertMany([record]);
    expect(await repository.get('1.000003')).toEqual(record);
  });
});
