/**
 * `npm run eval [-- --url http://host:port] [--file dev.jsonl] [--catalog full|curated] [--national records.jsonl.gz]`:
 * plays every dialog of ../shared/eval/dev.jsonl through POST /api/chat and prints the pass rate
 * and each failed turn. Without --url it starts the assistant itself — createApp on an ephemeral
 * loopback port, in-memory PGlite, the catalog `npm start` uses (--catalog, default full: shipped
 * national + curated; curated: the bundled catalog alone), the same warm-up — so the numbers are
 * the product's, over real HTTP.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { startAssistant } from '../support/assistant.ts';
import { formatReport, parseDevJsonl, runDevEval, type EvalResponse } from '../../bot/eval/dev-eval-core.ts';

const DEFAULT_FILE = path.resolve(import.meta.dirname, '../../../shared/eval/dev.jsonl');

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    file: { type: 'string', default: DEFAULT_FILE },
    /** Import national records (a .jsonl.gz path) into the in-process server first. */
    national: { type: 'string' },
    /** CATALOG of the in-process server: full (default, as `npm start`) or curated. */
    catalog: { type: 'string', default: 'full' },
  },
});

if (values.catalog !== 'full' && values.catalog !== 'curated') {
  console.error(`--catalog phải là full hoặc curated / --catalog must be full or curated: ${values.catalog}`);
  process.exit(2);
}
const catalog = values.catalog;

if (!existsSync(values.file!)) {
  console.error(`Không tìm thấy tệp đánh giá: ${values.file} (dev eval file not found; pass --file)`);
  process.exit(2);
}
const dialogs = parseDevJsonl(readFileSync(values.file!, 'utf8'));

let baseUrl = values.url;
let stop: () => Promise<void> = async () => {};
if (!baseUrl) {
  const imported = values.national ? (await loadNationalProcedures(values.national)).procedures : [];
  const running = await startAssistant({ catalog }, imported);
  baseUrl = running.url;
  stop = () => running.close();
}

const serverIds = new Map<string, string>();
const started = Date.now();
const report = await runDevEval(dialogs, async (dialogId, text): Promise<EvalResponse> => {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(serverIds.has(dialogId) ? { conversationId: serverIds.get(dialogId) } : {}) }),
  });
  if (!response.ok) throw new Error(`POST /api/chat → ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as EvalResponse & { conversationId: string };
  serverIds.set(dialogId, body.conversationId);
  return body;
});
console.log(formatReport(report));
const catalogLabel = catalog === 'full' ? 'full catalog: shipped national + curated' : 'bundled catalog';
const against = values.url ?? `an in-process server (${catalogLabel}${values.national ? ' + national records imported' : ''})`;
console.log(`(${report.turns} turns over HTTP in ${((Date.now() - started) / 1000).toFixed(1)} s against ${against})`);
await stop();
