/** LearnedPhrasingStore on every Db implementation: who/when/why kept, duplicates refused, removal kept as an audited row, a revision that moves on every change. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlLearnedPhrasingStore } from '../../adapters/sql/sql-learned-phrasing-store.ts';
import { LearnedPhrasingExistsError } from '../../knowledge/local/learned-phrasings.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('LearnedPhrasingStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('added with author, reason and time; listed oldest first; the same words twice for one procedure refused', async () => {
    const store = createSqlLearnedPhrasingStore(database.db);
    expect(await store.revision()).toBe(0);
    expect(await store.active()).toEqual([]);
    const before = Date.now();
    const first = await store.add({ code: '1.000656', text: 'ông bà mất báo phường', words: 'mat bao phuong', author: 'gs1', reason: 'Người dân hỏi nhiều' });
    expect(first).toEqual({
      id: expect.any(Number),
      code: '1.000656',
      text: 'ông bà mất báo phường',
      words: 'mat bao phuong',
      author: 'gs1',
      reason: 'Người dân hỏi nhiều',
      at: expect.any(Date),
    });
    expect(first.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    const afterFirst = await store.revision();
    expect(afterFirst).toBeGreaterThan(0);

    const error = await store
      .add({ code: '1.000656', text: 'Ông bà mất, báo phường', words: 'mat bao phuong', author: 'gs2', reason: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnedPhrasingExistsError);
    expect((error as LearnedPhrasingExistsError).existing).toEqual(first);
    expect(await store.revision()).toBe(afterFirst);

    // The same words for another procedure are another phrasing.
    const second = await store.add({ code: '1.004222', text: 'mất báo phường', words: 'mat bao phuong', author: 'gs2', reason: '' });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await store.revision()).toBeGreaterThan(afterFirst);
    expect((await store.active()).map((p) => [p.id, p.code])).toEqual([
      [first.id, '1.000656'],
      [second.id, '1.004222'],
    ]);
    expect(await store.get(first.id)).toEqual(first);
    expect(await store.get(999_999)).toBeNull();
    expect(await store.get(-1)).toBeNull();
  });

  test('removed: kept with who, why and when, no longer active; removing again or an unknown id is null; the words can be added again', async () => {
    const store = createSqlLearnedPhrasingStore(database.db);
    const added = await store.add({ code: '1.000894', text: 'lấy vợ', words: 'lay vo', author: 'gs1', reason: 'x' });
    const revision = await store.revision();
    const removed = await store.remove(added.id, 'gs2', 'Nhầm thủ tục');
    expect(removed).toEqual({ ...added, removed: { by: 'gs2', reason: 'Nhầm thủ tục', at: expect.any(Date) } });
    expect(await store.revision()).toBeGreaterThan(revision);
    expect((await store.active()).some((p) => p.id === added.id)).toBe(false);
    expect(await store.get(added.id)).toEqual(removed);
    expect(await store.remove(added.id, 'gs2', 'lần nữa')).toBeNull();
    expect(await store.remove(999_999, 'gs2', 'x')).toBeNull();
    expect(await store.remove(Number.NaN, 'gs2', 'x')).toBeNull();

    const again = await store.add({ code: '1.000894', text: 'lấy vợ', words: 'lay vo', author: 'gs1', reason: 'Đúng thủ tục' });
    expect(again.id).not.toBe(added.id);
    expect((await store.active()).filter((p) => p.code === '1.000894').map((p) => p.id)).toEqual([again.id]);
  });
});
