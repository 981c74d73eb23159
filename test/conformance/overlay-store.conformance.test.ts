/** OverlayStore and LocalProcedureStore on every Db implementation: append-only versions, the latest one published, version-checked writes. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlLocalProcedureStore } from '../../adapters/sql/sql-local-procedure-store.ts';
import { createSqlOverlayStore } from '../../adapters/sql/sql-overlay-store.ts';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { OverlayConflictError } from '../../knowledge/local/overlay-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND';

describe.each(DB_FACTORIES)('OverlayStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('each change is a new version with the value it replaced; removed entries are not published', async () => {
    const store = createSqlOverlayStore(database.db);
    expect(await store.latestId()).toBe(0);
    const [v1] = await store.save([
      { code: '1.004873', channel: '*', fields: { feeVnd: 20_000, feeBasis: BASIS }, author: 'gs1', reason: 'Nghị quyết mới', expectedVersion: 0 },
    ]);
    expect(v1).toMatchObject({ version: 1, fields: { feeVnd: 20_000, feeBasis: BASIS }, previous: null, author: 'gs1', reason: 'Nghị quyết mới' });
    const [v2, other] = await store.save([
      { code: '1.004873', channel: '*', fields: { feeVnd: 30_000, feeBasis: BASIS }, author: 'gs2', reason: 'Sửa mức thu', expectedVersion: 1 },
      { code: '1.001193', channel: 'truc_tiep', fields: { address: 'Số 1 Lý Thái Tổ' }, author: 'gs2', reason: 'Địa chỉ' },
    ]);
    expect(v2).toMatchObject({ version: 2, previous: { feeVnd: 20_000, feeBasis: BASIS } });
    expect(v2!.id).toBeGreaterThan(v1!.id);
    expect(await store.latestId()).toBe(other!.id);
    expect((await store.published()).map((e) => [e.code, e.channel, e.version, e.fields])).toEqual([
      ['1.001193', 'truc_tiep', 1, { address: 'Số 1 Lý Thái Tổ' }],
      ['1.004873', '*', 2, { feeVnd: 30_000, feeBasis: BASIS }],
    ]);

    const [removed] = await store.save([{ code: '1.004873', channel: '*', fields: null, author: 'gs1', reason: 'Hoàn tác', revertOf: v1!.id }]);
    expect(removed).toMatchObject({ version: 3, fields: null, revertOf: v1!.id });
    expect((await store.published()).map((e) => e.code)).toEqual(['1.001193']);
    expect((await store.history('1.004873')).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await store.get(v1!.id)).toEqual(v1);
    expect(await store.get(999_999)).toBeNull();
  });

  test('a stale expected version is a conflict and nothing of the batch is saved', async () => {
    const store = createSqlOverlayStore(database.db);
    const before = await store.latestId();
    await expect(
      store.save([
        { code: '2.000001', channel: 'buu_chinh', fields: { note: 'mới' }, author: 'gs1', reason: 'x' },
        { code: '1.001193', channel: 'truc_tiep', fields: { note: 'cũ' }, author: 'gs1', reason: 'x', expectedVersion: 0 },
      ]),
    ).rejects.toBeInstanceOf(OverlayConflictError);
    expect(await store.latestId()).toBe(before);
    expect(await store.history('2.000001')).toEqual([]);
  });

  test('commune rows are entries of their own beside the procedure row (and under the code *), each versioned', async () => {
    const store = createSqlOverlayStore(database.db);
    const office = { address: 'Số 5 Lý Thái Tổ', hours: 'Thứ 2–thứ 6', phone: '028 3829 0001' };
    const [own] = await store.save([{ code: '1.001766', channel: '*', fields: { note: 'Chung' }, author: 'gs1', reason: 'x' }]);
    const [a1, every] = await store.save([
      { code: '1.001766', channel: '*', commune: 'Phường Bến Nghé', fields: office, author: 'gs1', reason: 'Một cửa', expectedVersion: 0 },
      { code: '*', channel: '*', commune: 'Xã Tân Thành', fields: { address: 'UBND xã Tân Thành' }, author: 'gs1', reason: 'Một cửa' },
    ]);
    expect(own).not.toHaveProperty('commune');
    expect(a1).toMatchObject({ code: '1.001766', commune: 'Phường Bến Nghé', version: 1, previous: null });
    expect(every).toMatchObject({ code: '*', commune: 'Xã Tân Thành', version: 1 });
    const [a2] = await store.save([
      { code: '1.001766', channel: '*', commune: 'Phường Bến Nghé', fields: { address: 'Số 7' }, author: 'gs2', reason: 'Chuyển', expectedVersion: 1 },
    ]);
    expect(a2).toMatchObject({ version: 2, previous: office });
    await expect(
      store.save([{ code: '1.001766', channel: '*', commune: 'Phường Bến Nghé', fields: null, author: 'gs2', reason: 'x', expectedVersion: 1 }]),
    ).rejects.toBeInstanceOf(OverlayConflictError);
    const published = (await store.published()).filter((e) => e.code === '1.001766' || e.code === '*');
    expect(published.map((e) => [e.code, e.commune ?? null, e.version])).toEqual([
      ['*', 'Xã Tân Thành', 1],
      ['1.001766', null, 1],
      ['1.001766', 'Phường Bến Nghé', 2],
    ]);
    expect((await store.history('1.001766')).map((v) => [v.commune ?? null, v.version])).toEqual([
      ['Phường Bến Nghé', 2],
      ['Phường Bến Nghé', 1],
      [null, 1],
    ]);
    expect(await store.get(a2!.id)).toEqual(a2);
  });
});

describe.each(DB_FACTORIES)('LocalProcedureStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  const record = (name: string): Procedure => ({ ...loadBundledCatalog()[0]!, code: '9.100001', name, origin: 'local' });

  test('versions of a whole record: saved, replaced, withdrawn, each with the one before; stale writes refused', async () => {
    const store = createSqlLocalProcedureStore(database.db);
    expect(await store.latestId()).toBe(0);
    const [v1] = await store.save([
      { code: '9.100001', record: record('Thủ tục riêng của tỉnh'), author: 'gs1', reason: 'Quyết định công bố', expectedVersion: 0 },
    ]);
    expect(v1).toMatchObject({ code: '9.100001', version: 1, previous: null, author: 'gs1' });
    expect(v1!.record!.name).toBe('Thủ tục riêng của tỉnh');
    const [v2] = await store.save([{ code: '9.100001', record: record('Thủ tục riêng (sửa)'), author: 'gs2', reason: 'Sửa tên', expectedVersion: 1 }]);
    expect(v2!.previous!.name).toBe('Thủ tục riêng của tỉnh');
    expect((await store.published()).map((p) => p.name)).toEqual(['Thủ tục riêng (sửa)']);
    await expect(store.save([{ code: '9.100001', record: null, author: 'gs1', reason: 'x', expectedVersion: 1 }])).rejects.toBeInstanceOf(OverlayConflictError);
    const [v3] = await store.save([{ code: '9.100001', record: null, author: 'gs1', reason: 'Bãi bỏ', revertOf: v1!.id }]);
    expect(v3).toMatchObject({ version: 3, record: null, revertOf: v1!.id });
    expect(await store.published()).toEqual([]);
    expect((await store.history('9.100001')).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await store.get(v2!.id)).toEqual(v2);
    expect(await store.latestId()).toBe(v3!.id);
  });
});
