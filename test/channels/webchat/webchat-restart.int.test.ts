/**
 * Conversations and messages are persisted: a server restarted on the same PGlite folder keeps
 * the conversation, its context (the procedure under discussion) and its transcript.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { openDb } from '../../../adapters/sql/db/open-db.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { startTestApp } from '../../support/test-app.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tro-ly-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function boot() {
  const config = loadConfig({ dataDir, catalog: 'curated' }, {});
  const db = await openDb(config);
  const app = await startTestApp({ db, config: { dataDir } });
  return {
    url: app.url,
    db,
    async stop() {
      await app.close();
      await db.close();
    },
  };
}

async function chat(url: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { conversationId: string; intent: string; procedure: { code: string } | null; replies: Array<{ text: string }> };
}

test('a conversation survives a restart: same id, same topic, full transcript', async () => {
  const first = await boot();
  const opened = await chat(first.url, { text: 'làm hộ chiếu cần giấy tờ gì' });
  expect(opened.procedure?.code).toBe('1.001456');
  await first.stop();

  const second = await boot();
  try {
    const followUp = await chat(second.url, { conversationId: opened.conversationId, text: 'thế lệ phí bao nhiêu?' });
    expect(followUp.conversationId).toBe(opened.conversationId);
    expect(followUp.intent).toBe('fee');
    expect(followUp.procedure?.code).toBe('1.001456');
    expect(followUp.replies.map((r) => r.text).join('\n')).toContain('200.000');

    // Both turns, citizen and bot, are in the stored transcript, in order.
    const transcript = await createSqlConversationStore(second.db).messages(opened.conversationId);
    expect(transcript.map((m) => m.author)).toEqual(['citizen', ...transcript.slice(1).map((m) => m.author)]);
    const citizenTexts = transcript.filter((m) => m.author === 'citizen').map((m) => m.text);
    expect(citizenTexts).toEqual(['làm hộ chiếu cần giấy tờ gì', 'thế lệ phí bao nhiêu?']);
    expect(transcript.filter((m) => m.author === 'bot').length).toBeGreaterThanOrEqual(2);
  } finally {
    await second.stop();
  }
}, 60_000);
