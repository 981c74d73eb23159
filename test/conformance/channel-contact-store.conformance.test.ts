/** ChannelContacts conformance on every Db: one conversation per citizen, the reply window, offered choices and the delivery mark. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlChannelContacts } from '../../adapters/sql/sql-channel-contact-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const OA = '2871594837495782712';
const RULE = { maxReplies: 3, hours: 48 };
const T0 = new Date('2026-03-02T08:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

describe.each(DB_FACTORIES)('ChannelContacts conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('a citizen is linked to one conversation; a racing second link gets the first', async () => {
    const contacts = createSqlChannelContacts(database.db);
    const [a, b] = await Promise.all([
      contacts.link({ channel: 'zalo', accountId: OA, userId: '9007199254740993', conversationId: 'k-1' }),
      contacts.link({ channel: 'zalo', accountId: OA, userId: '9007199254740993', conversationId: 'k-2' }),
    ]);
    expect(a.conversationId).toBe(b.conversationId);
    expect((await contacts.find('zalo', OA, '9007199254740993'))?.userId).toBe('9007199254740993');
    expect((await contacts.byConversation(a.conversationId))?.accountId).toBe(OA);
    expect(await contacts.find('zalo', OA, '9007199254740992')).toBeNull();
  });

  test('the reply window: closed before any message, a budget per citizen message, closed after its hours', async () => {
    const contacts = createSqlChannelContacts(database.db);
    await contacts.link({ channel: 'zalo', accountId: OA, userId: '1', conversationId: 'k-3' });
    expect(await contacts.useReply('k-3', RULE, T0)).toBe(false);
    expect(await contacts.window('k-3', RULE, T0)).toEqual({ open: false, remaining: 0, closesAt: null });
    await contacts.touchInbound('k-3', T0);
    expect(await contacts.useReply('k-3', RULE, hours(1))).toBe(true);
    expect(await contacts.useReply('k-3', RULE, hours(1))).toBe(true);
    await contacts.refundReply('k-3');
    expect(await contacts.window('k-3', RULE, hours(1))).toEqual({ open: true, remaining: 2, closesAt: hours(48).toISOString() });
    expect(await contacts.useReply('k-3', RULE, hours(2))).toBe(true);
    expect(await contacts.useReply('k-3', RULE, hours(2))).toBe(true);
    expect(await contacts.useReply('k-3', RULE, hours(2))).toBe(false);
    await contacts.touchInbound('k-3', hours(3));
    await contacts.touchInbound('k-3', hours(2)); // an older event delivered late changes nothing
    expect(await contacts.window('k-3', RULE, hours(4))).toMatchObject({ open: true, remaining: 3, closesAt: hours(51).toISOString() });
    expect(await contacts.useReply('k-3', RULE, hours(52))).toBe(false);
    expect(await contacts.window('k-3', RULE, hours(52))).toMatchObject({ open: false, remaining: 0 });
  });

  test('offered choices, follow state and the delivery mark are kept; behind() finds undelivered replies', async () => {
    const contacts = createSqlChannelContacts(database.db);
    const store = createSqlConversationStore(database.db);
    await store.ensure('k-4', 'zalo');
    await contacts.link({ channel: 'zalo', accountId: OA, userId: '2', conversationId: 'k-4' });
    await contacts.setOffered('k-4', [{ label: 'Cấp tỉnh', payload: 'pick:1.000001' }]);
    await contacts.setFollowed('k-4', false);
    const [citizen, bot] = await store.append('k-4', [
      { author: 'citizen', text: 'hỏi' },
      { author: 'bot', text: 'đáp' },
    ]);
    await contacts.advance('k-4', citizen!.id);
    expect(await contacts.behind('zalo', 100)).toContain('k-4');
    await contacts.advance('k-4', bot!.id);
    await contacts.advance('k-4', citizen!.id); // never back
    expect(await contacts.behind('zalo', 100)).not.toContain('k-4');
    await store.append('k-4', [{ author: 'citizen', text: 'cảm ơn' }]);
    expect(await contacts.behind('zalo', 100)).not.toContain('k-4');
    expect(await contacts.byConversation('k-4')).toMatchObject({
      offered: [{ label: 'Cấp tỉnh', payload: 'pick:1.000001' }],
      followed: false,
      deliveredThrough: bot!.id,
    });
  });
});
