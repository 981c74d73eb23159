/**
 * `npm run eval [-- --set dev|citizen|all] [--url http://host:port] [--file dev.jsonl] [--citizen-file citizen-dev.jsonl] [--national records.jsonl.gz]`:
 * plays dialogs through POST /api/chat and prints each failed turn, then a summary table.
 * - `--set all` (default): ../shared/eval/dev.jsonl on the bundled catalog, dev.jsonl on the full
 *   catalog (bundled + national records) and ../shared/eval/citizen-dev.jsonl on the full catalog;
 * - `--set dev`: dev.jsonl alone, as `npm run eval` always did — on the bundled catalog, or on the
 *   full one when `--national` is given;
 * - `--set citizen`: citizen-dev.jsonl on the full catalog.
 * Without --url it starts the assistant itself — createApp on an ephemeral loopback port,
 * in-memory PGlite, the same warm-up as `npm start` (national records imported first for the full
 * catalog) — so the numbers are the product's, over real HTTP. With --url every set is played
 * against that server, whatever catalog it holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { INTENTS } from '../../bot/intents/intent.ts';
import { NO_CLIENT_LIMITS, startLocalServer } from '../../deps/local-server.ts';
import {
  formatReport,
  formatSummaryTable,
  parseDevJsonl,
  runDevEval,
  unknownIntentTurns,
  type DevDialog,
  type EvalReport,
  type EvalResponse,
} from './dev-eval-core.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const SETS = ['dev', 'citizen', 'all'] as const;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    set: { type: 'string', default: 'all' },
    file: { type: 'string', default: path.join(shared, 'eval/dev.jsonl') },
    'citizen-file': { type: 'string', default: path.join(shared, 'eval/citizen-dev.jsonl') },
    /** National records (a .jsonl.gz path) imported into the in-process server for the full catalog. */
    national: { type: 'string' },
  },
});

if (!(SETS as readonly string[]).includes(values.set!)) {
  console.error(`--set phải là một trong ${SETS.join(' | ')} (got "${values.set}")`);
  process.exit(2);
}
const set = values.set as (typeof SETS)[number];
const nationalFile = values.national ?? path.join(shared, 'data/dvc-procedures.jsonl.gz');

type CatalogKind = 'bundled' | 'full';
interface Run {
  set: string;
  file: string;
  catalog: CatalogKind;
}

const runs: Run[] = [];
if (set === 'dev') runs.push({ set: 'dev.jsonl', file: values.file!, catalog: values.national ? 'full' : 'bundled' });
if (set === 'all') runs.push({ set: 'dev.jsonl', file: values.file!, catalog: 'bundled' }, { set: 'dev.jsonl', file: values.file!, catalog: 'full' });
if (set === 'citizen' || set === 'all') runs.push({ set: 'citizen-dev.jsonl', file: values['citizen-file']!, catalog: 'full' });
// A server at --url holds one catalog: play each file once against it.
const planned = values.url ? runs.filter((run, i) => runs.findIndex((r) => r.file === run.file) === i) : runs;

const needed = [...new Set([...planned.map((r) => r.file), ...(!values.url && planned.some((r) => r.catalog === 'full') ? [nationalFile] : [])])];
for (const file of needed) {
  if (!existsSync(file)) {
    console.error(`Không tìm thấy tệp đánh giá: ${file} (eval file not found; pass --file / --citizen-file / --national)`);
    process.exit(2);
  }
}
const dialogsOf = new Map<string, DevDialog[]>(needed.filter((f) => f !== nationalFile).map((f) => [f, parseDevJsonl(readFileSync(f, 'utf8'))]));

async function play(baseUrl: string, dialogs: readonly DevDialog[], runId: string): Promise<EvalReport> {
  const serverIds = new Map<string, string>();
  return runDevEval(
    dialogs,
    async (dialogId, text): Promise<EvalResponse> => {
      const response = await fetch(`${baseUrl}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, ...(serverIds.has(dialogId) ? { conversationId: serverIds.get(dialogId) } : {}) }),
      });
      if (!response.ok) throw new Error(`POST /api/chat → ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as EvalResponse & { conversationId: string };
      serverIds.set(dialogId, body.conversationId);
      return body;
    },
    { runId },
  );
}

interface Server {
  url: string;
  label: string;
  stop: () => Promise<void>;
}

async function serverFor(catalog: CatalogKind): Promise<Server> {
  if (values.url) return { url: values.url, label: values.url, stop: async () => {} };
  const imported = catalog === 'full' ? (await loadNationalProcedures(nationalFile)).procedures : [];
  const running = await startLocalServer({ imported, config: { catalog: 'curated', ...NO_CLIENT_LIMITS } });
  return { url: running.url, label: catalog === 'full' ? `bundled + ${imported.length} national` : 'bundled', stop: () => running.close() };
}

const summary: Array<{ set: string; catalog: string; report: EvalReport; note?: string }> = [];
for (const catalog of ['bundled', 'full'] as const) {
  const ofCatalog = planned.filter((r) => values.url || r.catalog === catalog);
  if (ofCatalog.length === 0) continue;
  const server = await serverFor(catalog);
  try {
    for (const [i, run] of ofCatalog.entries()) {
      const dialogs = dialogsOf.get(run.file)!;
      const started = Date.now();
      const report = await play(server.url, dialogs, `${Date.now().toString(36)}-${catalog}-${i}`);
      console.log(`\n── ${run.set} on ${server.label} ──`);
      console.log(formatReport(report, `${run.set} on ${server.label}`));
      console.log(`(${report.turns} turns over HTTP in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      const unknown = unknownIntentTurns(dialogs, INTENTS);
      const note = unknown.listing ? `${unknown.listing} turns accept an intent the bot lacks (${unknown.intents.join(', ')}), ${unknown.only} only such` : undefined;
      summary.push({ set: run.set, catalog: server.label, report, ...(note ? { note } : {}) });
    }
  } finally {
    await server.stop();
  }
  if (values.url) break;
}

console.log(`\nSummary\n${formatSummaryTable(summary)}`);
