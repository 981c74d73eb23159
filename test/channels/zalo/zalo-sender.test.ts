/**
 * Sending to Zalo through the outbox, against a fake Zalo over HTTP: an expired token (-216) is
 * refreshed once — even for several messages at once — and the message goes out; 5xx, timeouts
 * and rate limits lose nothing, also across a restart (a second buildDeps on the same database);
 * a long answer arrives split, in order, even when a part must be retried; a citizen who blocked
 * the OA is recorded, not retried forever.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import { openPostgresDb } from '../../../adapters/sql/db/postgres-db.ts';
import { createSqlChannelTokens } from '../../../adapters/sql/sql-channel-token-store.ts';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Procedure } from '../../../knowledge/schema.ts';
import { ZALO_MAX_TEXT } from '../../../channels/zalo/zalo-channel.ts';
import { startFakeZalo, type FakeZalo } from '../../fakes/fake-zalo-server.ts';
import { createPostgresSchema } from '../../support/databases.ts';
import { APP_ID, OA_ID, postZaloEvent, startZaloTestApp, waitUntil, zaloEvents, zaloUser, type ZaloTestApp } from '../../support/zalo.ts';

/** A procedure whose documents answer is far longer than one Zalo message. */
function longProcedure(): Procedure {
  const base = loadBundledCatalog().find((p) => p.code === '1.001193')!;
  const document = base.documents[0]!;
  return {
    ...base,
    code: '9.000099-ZL',
    name: 'Cấp phép khai thác tổ yến trên đảo',
    aliases: [],
    documents: Array.from({ length: 30 }, (_, i) => ({
      ...document,
      name: `Bản khai số ${i + 1} về vùng khai thác tổ yến trên đảo, kèm sơ đồ hang yến và bản cam kết bảo vệ môi trường biển`,
      form: undefined,
      condition: undefined,
      group: undefined,
    })),
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('sending to Zalo', () => {
  let fake: FakeZalo;
  let zalo: ZaloTestApp;
  beforeAll(async () => {
    fake = await startFakeZalo({ appId: APP_ID });
    zalo = await startZaloTestApp({ fake, imported: [longProcedure()] });
  }, 120_000);
  afterAll(async () => {
    await zalo?.close();
    await fake?.close();
  });

  const outboxOf = async (userId: string) => {
    const contact = await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId);
    return contact ? zalo.app.deps.zalo!.outbox.forConversation(contact.conversationId) : [];
  };

  test('an expired token (-216) is refreshed once, stored, and the messages go out', async () => {
    fake.expireAccessToken();
    const refreshesBefore = fake.refreshes;
    const users = [zaloUser(), zaloUser(), zaloUser()];
    await Promise.all(users.map((userId) => postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì'))));
    for (const userId of users) expect((await fake.waitFor((m) => m.userId === userId)).text).toContain('1.001456');
    expect(fake.refreshes - refreshesBefore).toBe(1);
    expect(await createSqlChannelTokens(zalo.app.deps.db).get(`zalo:${APP_ID}`)).toMatchObject({ accessToken: fake.tokens.access, refreshToken: fake.tokens.refresh });
    // The new token is used from now on: no further refresh.
    const next = zaloUser();
    await postZaloEvent(zalo.app.url, zaloEvents.text(next, 'lệ phí làm hộ chiếu'));
    await fake.waitFor((m) => m.userId === next);
    expect(fake.refreshes - refreshesBefore).toBe(1);
  });

  test('a long answer arrives split between words, in order, even when a part is retried', async () => {
    const userId = zaloUser();
    fake.troubles.push('ok', { http: 502 });
    await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'cấp phép khai thác tổ yến trên đảo cần giấy tờ gì'));
    await zalo.idle();
    const parts = fake.to(userId);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(ZALO_MAX_TEXT);
    const stored = (await zalo.app.deps.store.messages((await zalo.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.conversationId)).find((m) => m.author === 'bot')!;
    expect(parts.flatMap((part) => words(part.text))).toEqual(words(stored.text));
    const numbers = parts.flatMap((part) => [...part.text.matchAll(/Bản khai số (\d+)/g)].map((m) => Number(m[1])));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await outboxOf(userId)).map((item) => [item.part, item.status])).toEqual(parts.map((_, i) => [i, 'sent']));
  });

  test('Zalo 5xx, timeouts and rate limits lose nothing: the message arrives once Zalo answers again', async () => {
    const userId = zaloUser();
    fake.troubles.push({ http: 503 }, 'hang', { zaloError: -32 }, { http: 429 });
    await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'đăng ký thường trú cần giấy tờ gì'));
    const arrived = await fake.waitFor((m) => m.userId === userId, 15_000);
    expect(arrived.text).toContain('1.004222');
    await zalo.idle();
    expect(fake.to(userId)).toHaveLength(1);
    const [item] = await outboxOf(userId);
    expect(item).toMatchObject({ status: 'sent', sentAs: 'message', attempts: 5 });
  });

  test('a citizen who blocked the OA: recorded as undeliverable, not retried', async () => {
    const userId = zaloUser();
    fake.troubles.push({ zaloError: -213 });
    await postZaloEvent(zalo.app.url, zaloEvents.text(userId, 'làm căn cước cần giấy tờ gì'));
    await zalo.idle();
    const [item] = await outboxOf(userId);
    expect(item).toMatchObject({ status: 'failed', failure: 'blocked', attempts: 1, lastError: expect.stringContaining('-213') });
    expect(fake.to(userId)).toEqual([]);
    const status = await zalo.app.deps.zalo!.insight.status(item!.conversationId);
    expect(status?.failures).toMatchObject([{ failure: 'blocked' }]);
  });
});

/** Each database the server can run on: opened again from scratch, as a restarted server would. */
const REOPENERS = [
  {
    name: 'pglite',
    async create() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tlt-zalo-'));
      return { open: () => openPgliteDb(path.join(dir, 'pglite')), dispose: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async create() {
      const schema = await createPostgresSchema();
      return { open: () => openPostgresDb(schema.databaseUrl), dispose: () => schema.drop() };
    },
  },
];

describe.each(REOPENERS)('the outbox across a restart: $name', (reopener) => {
  test('Zalo down: the answer waits in the database, and a second server on it sends it once Zalo is back', async () => {
    const fake = await startFakeZalo({ appId: APP_ID });
    const database = await reopener.create();
    const userId = zaloUser();
    try {
      const firstDb = await database.open();
      await migrate(firstDb);
      const first = await startZaloTestApp({ fake, db: firstDb });
      fake.down = true;
      expect((await postZaloEvent(first.app.url, zaloEvents.text(userId, 'làm hộ chiếu cần giấy tờ gì'))).status).toBe(200);
      const conversationId = await (async () => {
        await waitUntil(async () => Boolean(await first.app.deps.zalo!.contacts.find('zalo', OA_ID, userId)), 'the contact');
        return (await first.app.deps.zalo!.contacts.find('zalo', OA_ID, userId))!.conversationId;
      })();
      await waitUntil(async () => (await first.app.deps.zalo!.outbox.forConversation(conversationId)).some((item) => item.attempts >= 2), 'a retry');
      await first.close();
      await firstDb.close();
      expect(fake.to(userId)).toEqual([]);

      fake.down = false;
      const secondDb = await database.open();
      const second = await startZaloTestApp({ fake, db: secondDb });
      try {
        const arrived = await fake.waitFor((m) => m.userId === userId, 15_000);
        expect(arrived.text).toContain('1.001456');
        await second.idle();
        expect(fake.to(userId)).toHaveLength(1);
      } finally {
        await second.close();
        await secondDb.close();
      }
    } finally {
      await fake.close();
      await database.dispose();
    }
  }, 180_000);
});
