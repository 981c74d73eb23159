/**
 * A Redis outage (issue 13, finding 8): two instances share one database and a throwaway
 * redis-server, which is killed mid-conversation. A citizen turn and an officer reply still
 * succeed once stored; the citizen's open event stream still gets the officer's reply — on the
 * officer's instance at once (local delivery), on the other instance from the database; a
 * reconnect replays from Last-Event-ID; /health says Redis is down (200, "degraded"); and when
 * Redis comes back, events flow through it again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, chat, login, openEventStream } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { freePort } from '../../../tools/bench/free-port.ts';

const PASSWORD = 'mat-khau-rat-dai-1';

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.once('listening', () => socket.close(() => resolve(false)));
      socket.once('error', () => resolve(true));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!HAS_REDIS_SERVER)(`Redis down mid-conversation${HAS_REDIS_SERVER ? '' : ' (skipped: no redis-server binary on PATH)'}`, () => {
  let redisPort: number;
  let redis: ChildProcess;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const config = { redisUrl: `redis://127.0.0.1:${redisPort}`, redisPrefix: `outage-${randomUUID().slice(0, 8)}` };
    a = await startTestApp({ config });
    b = await startTestApp({ config, db: a.deps.db });
    await a.deps.officer.accounts.create({ username: 'truc', password: PASSWORD, role: 'supervisor' });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    if (redis) await stop(redis);
  });

  test('turn and reply succeed, the open streams get the reply, /health says degraded; Redis back → live again', async () => {
    const asked = await chat(b.url, 'cho tôi gặp cán bộ');
    expect(asked.handoff).toMatchObject({ state: 'waiting_officer' });
    const { conversationId } = asked;
    const ticketId = asked.handoff.ticketId as string;
    const officer = await login(a.url, 'truc', PASSWORD);
    expect((await call(`${a.url}/api/officer/tickets/${ticketId}/claim`, 'POST', undefined, officer.auth)).status).toBe(200);
    const onB = openEventStream(`${b.url}/api/chat/${conversationId}/events`);
    const onA = openEventStream(`${a.url}/api/chat/${conversationId}/events`);
    await Promise.all([onB.opened, onA.opened]);
    expect((await fetch(`${a.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${a.url}/health`)).json()).toMatchObject({ status: 'ok', redis: 'ok' });

    // An officer console on instance B (the officer works on A).
    const officerOnB = await login(b.url, 'truc', PASSWORD);
    const consoleOnB = openEventStream(`${b.url}/api/officer/events`, officerOnB.auth);
    await consoleOnB.opened;

    await stop(redis);

    const reply = await call(`${a.url}/api/officer/tickets/${ticketId}/messages`, 'POST', { text: 'Cán bộ trả lời khi Redis hỏng.' }, officer.auth);
    expect(reply.status).toBe(200);
    const stored = reply.body.message.id as number;
    expect(await onA.next((e) => e.from === 'officer')).toMatchObject({ text: 'Cán bộ trả lời khi Redis hỏng.', messageId: stored });
    expect(await onB.next((e) => e.from === 'officer')).toMatchObject({ text: 'Cán bộ trả lời khi Redis hỏng.', messageId: stored });

    const turn = await call(`${b.url}/api/chat`, 'POST', { conversationId, text: 'Dạ em cảm ơn ạ' });
    expect(turn.status).toBe(200);
    const messages = await b.deps.store.messages(conversationId);
    expect(messages.map((m) => m.text)).toContain('Dạ em cảm ơn ạ');

    // The console on B cannot hear A's events now: it is told to reload from the database.
    expect(await consoleOnB.next((e) => e.type === 'refresh', 8000)).toMatchObject({ reason: 'events_down' });
    consoleOnB.close();

    const health = await fetch(`${a.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', redis: 'down' });

    // A reconnect replays from Last-Event-ID what the page has not seen.
    const second = await call(`${a.url}/api/officer/tickets/${ticketId}/messages`, 'POST', { text: 'Tin thứ hai.' }, officer.auth);
    expect(second.status).toBe(200);
    const replay = openEventStream(`${b.url}/api/chat/${conversationId}/events`, { 'last-event-id': String(stored) });
    expect(await replay.next((e) => e.from === 'officer')).toMatchObject({ text: 'Tin thứ hai.' });
    replay.close();
    expect(onB.received.filter((e) => e.messageId === stored)).toHaveLength(1);

    // Redis back on the same port: /health is ok again and events cross instances through it.
    redis = await startRedis(redisPort);
    await expect.poll(async () => ((await (await fetch(`${a.url}/health`)).json()) as { redis: string }).redis, { timeout: 15_000, interval: 200 }).toBe('ok');
    await expect.poll(async () => ((await (await fetch(`${b.url}/health`)).json()) as { redis: string }).redis, { timeout: 15_000, interval: 200 }).toBe('ok');
    expect((await call(`${a.url}/api/officer/tickets/${ticketId}/messages`, 'POST', { text: 'Redis đã chạy lại.' }, officer.auth)).status).toBe(200);
    expect(await onB.next((e) => e.text === 'Redis đã chạy lại.')).toMatchObject({ from: 'officer' });
    onA.close();
    onB.close();
  }, 90_000);
});
