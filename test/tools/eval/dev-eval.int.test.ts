/**
 * The dev conversations (../shared/eval/dev.jsonl) played over real HTTP against the assistant as
 * `npm start` wires it (lexical retriever, bot core, in-memory PGlite): on the bundled catalog
 * alone, and — the province set-up — with the 2,642 national records imported beside it, where
 * near-twin procedures must not turn every question into a clarification.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport, parseDevJsonl, runDevEval, type EvalResponse } from '../../../tools/eval/dev-eval-core.ts';
import { loadNationalProcedures } from '../../../knowledge/import/load-national.ts';
import type { Procedure } from '../../../knowledge/schema.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const devFile = new URL('../../../../shared/eval/dev.jsonl', import.meta.url);
const nationalFile = new URL('../../../../shared/data/dvc-procedures.jsonl.gz', import.meta.url);
const haveDevSet = existsSync(devFile);
const haveNational = existsSync(nationalFile);

async function playDevSet(app: TestApp) {
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
  expect(new Set(ids.values()).size).toBe(report.dialogs);
  return report;
}

function suite(title: string, catalog: 'full' | 'curated', imported: () => Promise<Procedure[]>) {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ imported: await imported(), config: { catalog } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  test(`${title}: at least 95% of dev turns pass, each dialog in its own server-issued conversation`, async () => {
    const report = await playDevSet(app);
    expect(report.passRate, formatReport(report)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
}

describe.skipIf(!haveDevSet)(`dev conversations over HTTP${haveDevSet ? '' : ' — SKIPPED: ../shared/eval/dev.jsonl is absent'}`, () => {
  suite('bundled catalog', 'curated', async () => []);
  suite('full catalog (shipped national + curated)', 'full', async () => []);
});

describe.skipIf(!haveDevSet || !haveNational)(
  `dev conversations with the national catalog imported${haveDevSet && haveNational ? '' : ' — SKIPPED: ../shared/eval/dev.jsonl or ../shared/data is absent'}`,
  () => {
    suite('bundled + 2,642 national records', 'curated', async () => (await loadNationalProcedures(nationalFile.pathname)).procedures);
  },
);
