/**
 * `npm run import:dossiers` with REDIS_URL (issue 13, finding 10: one Redis channel prefix per
 * deployment): the status-change notices it publishes go out under the deployment's prefix
 * (REDIS_PREFIX), where that deployment's servers listen — not under a fixed one.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationEvent, EventHub } from '../../bot/events/event-hub.ts';
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import { createRedisEventHub } from '../../adapters/redis/redis-event-hub.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createSqlDossierStore } from '../../adapters/sql/sql-dossier-store.ts';
import { createSqlDossierSubscriptions } from '../../adapters/sql/sql-dossier-subscription-store.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CODE = '000.00.19.H53-250303-0901';
const record = (status: Dossier['status']) => ({ code: CODE, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', receivedAt: '2026-11-02', dueAt: '2026-11-06', status, applicant: { name: 'Trần Thị Bình', phone: '0987654321' } });

describe('import:dossiers publishes under the deployment prefix', () => {
  let dataDir: string;
  let hub: EventHub;
  const prefix = `cli-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-cli-'));
    const db = await openPgliteDb(path.join(dataDir, 'pglite'));
    await migrate(db);
    await createSqlDossierStore(db).upsert({ ...record('processing'), receivedAt: '2026-11-02T01:00:00.000Z', dueAt: '2026-11-06T10:00:00.000Z', step: null, agency: null, note: null, updatedAt: '2026-11-02T01:00:00.000Z' });
    await createSqlConversationStore(db).ensure('cli-conversation', 'webchat');
    await createSqlDossierSubscriptions(db).add(CODE, { conversationId: 'cli-conversation', channel: 'webchat' });
    await db.close();
    hub = await createRedisEventHub(REDIS_URL, prefix);
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('a status change reaches a listener of REDIS_PREFIX', async () => {
    const heard = new Promise<ConversationEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event under the deployment prefix')), 30_000);
      hub.subscribe('cli-conversation', (event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });
    const file = path.join(dataDir, 'changes.jsonl');
    await writeFile(file, `${JSON.stringify(record('result_ready'))}\n`);
    const exit = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'cli/import-dossiers.ts', file], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', DATABASE_URL: '' },
        stdio: 'ignore',
      });
      child.on('exit', resolve);
    });
    expect(exit).toBe(0);
    expect(await heard).toMatchObject({ conversationId: 'cli-conversation', type: 'status', data: { dossierCode: CODE, status: 'result_ready' } });
  }, 60_000);
});
