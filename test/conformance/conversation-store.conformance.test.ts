/** ConversationStore conformance, run against every Db implementation. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VersionConflictError } from '../../bot/conversation/conversation-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('ConversationStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('ensure creates once and returns the same conversation', async () => {
    const store = createSqlConversationStore(database.db);
    const created = await store.ensure('c-1', 'webchat');
    expect(created).toMatchObject({ id: 'c-1', channel: 'webchat', state: {}, version: 0 });
    const again = await store.ensure('c-1', 'zalo');
    expect(again.channel).toBe('webchat');
    expect(await store.get('missing')).toBeNull();
  });

  test('state writes are version-checked: a stale writer loses', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('c-2', 'webchat');
    expect(await store.saveState('c-2', { procedure: '1.001456' }, 0)).toBe(1);
    await expect(store.saveState('c-2', { procedure: 'other' }, 0)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await store.get('c-2'))?.state).toEqual({ procedure: '1.001456' });
  });

  test('two concurrent writers at the same version: exactly one wins', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('c-3', 'webchat');
    const results = await Promise.allSettled([store.saveState('c-3', { by: 'a' }, 0), store.saveState('c-3', { by: 'b' }, 0)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  test('messages append in order, keep rich payloads, and page by id', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('c-4', 'webchat');
    const stored = await store.append('c-4', [
      { author: 'citizen', text: 'lệ phí hộ chiếu?' },
      {
        author: 'bot',
        text: 'Dạ, 200.000 đồng',
        payload: { quickReplies: [{ label: 'Hồ sơ', payload: 'documents' }] },
        intent: 'fee',
        procedureCode: '1.001456',
      },
    ]);
    expect(stored.map((m) => m.author)).toEqual(['citizen', 'bot']);
    const all = await store.messages('c-4');
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({
      text: 'Dạ, 200.000 đồng',
      intent: 'fee',
      procedureCode: '1.001456',
      payload: { quickReplies: [{ label: 'Hồ sơ', payload: 'documents' }] },
    });
    expect(await store.messages('c-4', { afterId: all[0]!.id })).toHaveLength(1);
  });

  test('saveTurn writes state and messages together, or neither on a stale version', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('c-5', 'webchat');
    const first = await store.saveTurn('c-5', 0, { step: 1 }, [{ author: 'bot', text: 'Dạ, chào bạn' }]);
    expect(first.version).toBe(1);
    expect(first.messages[0]).toMatchObject({ author: 'bot', text: 'Dạ, chào bạn' });
    await expect(store.saveTurn('c-5', 0, { step: 2 }, [{ author: 'bot', text: 'không được gửi' }])).rejects.toBeInstanceOf(VersionConflictError);
    expect((await store.messages('c-5')).map((m) => m.text)).toEqual(['Dạ, chào bạn']);
    expect((await store.get('c-5'))?.state).toEqual({ step: 1 });
  });

  test('receive appends to a known conversation and leaves its version; an unknown or absent id gets the new id', async () => {
    const store = createSqlConversationStore(database.db);
    await store.ensure('r-known', 'zalo');
    await store.saveState('r-known', { step: 1 }, 0);
    const known = await store.receive('r-known', 'r-unused', 'webchat', { author: 'citizen', text: 'lệ phí bao nhiêu?', payload: { pick: '1.001193' } });
    expect(known.conversation).toMatchObject({ id: 'r-known', channel: 'zalo', state: { step: 1 }, version: 1, handoffOpen: false });
    expect(known.message).toMatchObject({ conversationId: 'r-known', author: 'citizen', text: 'lệ phí bao nhiêu?', payload: { pick: '1.001193' } });
    expect(await store.get('r-unused')).toBeNull();
    expect((await store.get('r-known'))?.version).toBe(1);

    // A client's id that names no conversation does not create one under that id.
    const unknown = await store.receive('r-made-up', 'r-new-1', 'webchat', { author: 'citizen', text: 'xin chào' });
    expect(unknown.conversation).toMatchObject({ id: 'r-new-1', channel: 'webchat', state: {}, version: 0 });
    expect(await store.get('r-made-up')).toBeNull();
    const fresh = await store.receive(null, 'r-new-2', 'portal', { author: 'citizen', text: 'chào ad' });
    expect(fresh.conversation).toMatchObject({ id: 'r-new-2', channel: 'portal', version: 0 });
    expect((await store.messages('r-new-2')).map((m) => [m.id, m.text])).toEqual([[fresh.message.id, 'chào ad']]);
    expect(fresh.message.id).toBeGreaterThan(unknown.message.id);
  });

  test('purgeInactive deletes conversations idle since the cutoff with their messages — never one with an open ticket or recent activity', async () => {
    const store = createSqlConversationStore(database.db);
    const tickets = createSqlTicketStore(database.db);
    const old = "now() - interval '200 days'";
    for (const id of ['p-idle', 'p-open-ticket', 'p-recent-message', 'p-closed-ticket', 'p-fresh']) {
      await store.ensure(id, 'webchat');
      await store.append(id, [
        { author: 'citizen', text: 'xin chào' },
        { author: 'bot', text: 'Dạ, chào bạn' },
      ]);
    }
    const { ticket: open } = await tickets.open({ conversationId: 'p-open-ticket', channel: 'webchat', trigger: 'citizen_request' });
    const { ticket: done } = await tickets.open({ conversationId: 'p-closed-ticket', channel: 'webchat', trigger: 'citizen_request' });
    await tickets.transition(done.id, done.version, 'closed', { endReason: 'citizen_left' });
    expect(open.state).not.toBe('closed');
    await database.db.query(`UPDATE conversations SET updated_at = ${old}, created_at = ${old} WHERE id LIKE 'p-%' AND id <> 'p-fresh'`);
    await database.db.query(`UPDATE messages SET created_at = ${old} WHERE conversation_id LIKE 'p-%' AND conversation_id <> 'p-fresh'`);
    await store.append('p-recent-message', [{ author: 'citizen', text: 'còn đó không?' }]);

    const purged = await store.purgeInactive(new Date(Date.now() - 180 * 86_400_000));
    expect(purged).toBe(2);
    expect(await store.get('p-idle')).toBeNull();
    expect(await store.get('p-closed-ticket')).toBeNull();
    expect(await store.messages('p-idle')).toEqual([]);
    expect(await tickets.get(done.id)).toBeNull();
    for (const kept of ['p-open-ticket', 'p-recent-message', 'p-fresh']) expect(await store.get(kept)).not.toBeNull();
    expect((await store.messages('p-open-ticket')).length).toBe(2);
    expect(await store.purgeInactive(new Date(Date.now() - 180 * 86_400_000))).toBe(0);
  });
});
