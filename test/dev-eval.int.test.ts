/**
 * The dev conversations (../shared/eval/dev.jsonl) played over real HTTP against the assistant as
 * `npm start` wires it (bundled catalog, lexical retriever, bot core), in-memory PGlite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport, parseDevJsonl, runDevEval, type EvalResponse } from '../bot/eval/dev-eval-core.ts';
import { startAssistant, type RunningAssistant } from './support/assistant.ts';

const devFile = new URL('../../shared/eval/dev.jsonl', import.meta.url);
const haveDevSet = existsSync(devFile);

describe.skipIf(!haveDevSet)(`dev conversations over HTTP${haveDevSet ? '' : ' — SKIPPED: ../shared/eval/dev.jsonl is absent'}`, () => {
  let app: RunningAssistant;

  beforeAll(async () => {
    app = await startAssistant();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('at least 95% of dev turns pass, each dialog in its own server-issued conversation', async () => {
    const ids = new Map<string, string>();
    const report = await runDevEval(parseDevJsonl(readFileSync(devFile, 'utf8')), async (dialogId, text) => {
      const response = await fetch(`${app.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, ...(ids.has(dialogId) ? { conversationId: ids.get(dialogId) } : {}) }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as EvalResponse & { conversationId: string };
      ids.set(dialogId, body.conversationId);
      return body;
    });
    expect(report.passRate, formatReport(report)).toBeGreaterThanOrEqual(0.95);
    expect(new Set(ids.values()).size).toBe(report.dialogs);
  });
});
