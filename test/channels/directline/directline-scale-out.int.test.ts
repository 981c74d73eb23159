/**
 * The Direct Line stream across instances: two servers over one PostgreSQL schema with Redis
 * between them (the same DIRECTLINE_SECRET). The citizen's WebSocket is open on instance B while
 * their messages are posted to instance A, and the officer answers on A: everything stored reaches
 * the stream on B — the turn's replies by the stream's periodic re-read, the officer by Redis.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgresDb } from '../../../adapters/sql/db/postgres-db.ts';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import type { Db } from '../../../adapters/sql/db/db.ts';
import type { Officer } from '../../../bot/handoff/officer.ts';
import { createPostgresSchema } from '../../support/databases.ts';
import { call } from '../../support/officer-app.ts';
import { connectDirectLine, DIRECTLINE_SECRET, generateToken, textOf, type DirectLineCitizen } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Direct Line across two instances (PostgreSQL, Redis)', () => {
  let schema: Awaited<ReturnType<typeof createPostgresSchema>>;
  let db: Db;
  let a: TestApp;
  let b: TestApp;
  let portal: DirectLineCitizen | undefined;

  beforeAll(async () => {
    schema = await createPostgresSchema();
    db = await openPostgresDb(schema.databaseUrl);
    await migrate(db);
    const config = { directlineSecret: DIRECTLINE_SECRET, redisUrl: REDIS_URL, redisPrefix: `dl-${Date.now()}` };
    a = await startTestApp({ db, config });
    b = await startTestApp({ db, config });
  }, 120_000);
  afterAll(async () => {
    portal?.end();
    await a?.close();
    await b?.close();
    await db?.close();
    await schema?.drop();
  });

  test('a turn posted on A and an officer answering on A reach the stream open on B', async () => {
    const auth = await generateToken(a.url, 'citizen-scale');
    portal = connectDirectLine(b.url, { token: auth.token, webSocket: true }, 'citizen-scale');
    // The client starts the conversation on B and opens B's stream; the next message goes to A.
    await expect.poll(() => b.deps.directline!.streams.openCount(), { timeout: 10_000 }).toBe(1);
    const post = (text: string) => call(`${a.url}/v3/directline/conversations/${auth.conversationId}/activities`, 'POST', { type: 'message', text }, { authorization: `Bearer ${auth.token}` });

    expect((await post('lệ phí cấp hộ chiếu')).status).toBe(200);
    const answer = await portal.next((activity) => textOf(activity).includes('200.000 đồng'));
    expect(answer.from.role).toBe('bot');

    expect((await post('cho tôi gặp cán bộ')).status).toBe(200);
    const officer = (await a.deps.officer.accounts.create({ username: 'canbo-scale', password: 'mat-khau-dai-123', role: 'supervisor', displayName: 'Cán bộ' })) as Officer;
    const ticket = (await a.deps.officer.desk.queue(officer)).items.find((item) => item.conversationId === auth.conversationId)!;
    await a.deps.officer.desk.claim(officer, ticket.ticketId);
    await a.deps.officer.desk.reply(officer, ticket.ticketId, 'Tôi là cán bộ Minh, tôi nghe đây ạ.');
    expect(textOf(await portal.next((activity) => textOf(activity).includes('cán bộ Minh')))).toContain('cán bộ Minh');
  }, 60_000);
});
