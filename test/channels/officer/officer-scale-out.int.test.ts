/**
 * Scale-out: two real server processes (`tsx main.ts`) against one PostgreSQL schema, with
 * Redis carrying events between them. A citizen talks to instance A, an officer works on
 * instance B, and each sees the other in real time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresSchema } from '../../support/databases.ts';
import { call, chat, login, openEventStream } from '../../support/officer-app.ts';
import { freePort } from '../../../tools/bench/free-port.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat-1' };

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`instance at ${url} not healthy within 90 s: ${output()}`);
}

describe('two instances, one PostgreSQL, Redis between them', () => {
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  let schema: Awaited<ReturnType<typeof createPostgresSchema>>;
  let dataDir: string;

  beforeAll(async () => {
    schema = await createPostgresSchema();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-scale-'));
    for (const name of ['a', 'b']) {
      const port = await freePort();
      let output = '';
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: schema.databaseUrl,
          REDIS_URL,
          DATA_DIR: path.join(dataDir, name),
          LOG_LEVEL: 'warn',
          OFFICE_HOURS: 'always',
          DOSSIER_DEMO: 'false',
          // The catalog is not under test here; the bundled one keeps two start-ups short.
          CATALOG: 'curated',
          OFFICER_BOOTSTRAP_USER: SUPERVISOR.username,
          OFFICER_BOOTSTRAP_PASSWORD: SUPERVISOR.password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      children.push(child);
      urls.push(`http://127.0.0.1:${port}`);
      await waitHealthy(urls.at(-1)!, child, () => output);
    }
  }, 200_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    await schema?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  test('a citizen on instance A and an officer on instance B talk in real time', async () => {
    const [a, b] = urls as [string, string];
    // The bootstrap supervisor was created once, though both instances started with it.
    const officer = await login(b, SUPERVISOR.username, SUPERVISOR.password);
    const deskOnB = openEventStream(`${b}/api/officer/events`, officer.auth);
    await deskOnB.opened;
    await new Promise((resolve) => setTimeout(resolve, 300)); // Redis SUBSCRIBE settles

    const asked = await chat(a, 'cho tôi gặp cán bộ');
    expect(asked.handoff).toMatchObject({ state: 'waiting_officer' });
    const { conversationId } = asked;
    const ticketId = asked.handoff.ticketId as string;
    await deskOnB.next((e) => e.ticketId === ticketId && e.text === 'opened');
    expect((await call(`${b}/api/officer/queue`, 'GET', undefined, officer.auth)).body.items.map((i: any) => i.ticketId)).toContain(ticketId);

    const citizenOnA = openEventStream(`${a}/api/chat/${conversationId}/events`);
    await citizenOnA.opened;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(`${b}/api/officer/tickets/${ticketId}/claim`, 'POST', undefined, officer.auth)).status).toBe(200);
    expect((await call(`${b}/api/officer/tickets/${ticketId}/messages`, 'POST', { text: 'Chào bạn, cán bộ máy B đây.' }, officer.auth)).status).toBe(200);
    expect(await citizenOnA.next((e) => e.from === 'officer')).toMatchObject({ text: 'Chào bạn, cán bộ máy B đây.' });

    const reply = await chat(a, 'Dạ em cảm ơn, em hỏi về hộ chiếu ạ', conversationId);
    expect(reply.replies).toEqual([]);
    await deskOnB.next((e) => e.ticketId === ticketId && e.from === 'citizen' && e.text === 'Dạ em cảm ơn, em hỏi về hộ chiếu ạ');

    // A second claim from instance A loses: the version check lives in the shared database.
    const onA = await login(a, SUPERVISOR.username, SUPERVISOR.password);
    expect((await call(`${a}/api/officer/tickets/${ticketId}/claim`, 'POST', undefined, onA.auth)).status).toBe(409);

    expect((await call(`${b}/api/officer/tickets/${ticketId}/close`, 'POST', { reason: 'resolved' }, officer.auth)).status).toBe(200);
    const resume = await citizenOnA.next((e) => Array.isArray(e.quickReplies));
    expect(resume.quickReplies).toHaveLength(5);
    citizenOnA.close();
    deskOnB.close();
  });
});
