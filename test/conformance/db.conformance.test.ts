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
