/** ProcedureStore on every Db implementation: idempotent upserts by code, reads back what was written. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlProcedureStore } from '../../adapters/sql/sql-procedure-store.ts';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const [first, second] = loadBundledCatalog();

describe.each(DB_FACTORIES)('ProcedureStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('insert, then the same records again are unchanged, then a changed one is updated', async () => {
    const store = createSqlProcedureStore(database.db);
    expect(await store.upsertMany([first!, second!])).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await store.upsertMany([first!, second!])).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const renamed = { ...first!, name: `${first!.name} (đã sửa)` };
    expect(await store.upsertMany([renamed])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await store.get(first!.code))?.name).toBe(renamed.name);
    expect(await store.count()).toBe(2);
    expect((await store.all()).map((p) => p.code)).toEqual([first!.code, second!.code].sort());
  });

  test('an unknown code is null', async () => {
    expect(await createSqlProcedureStore(database.db).get('0.000000')).toBeNull();
  });
});
