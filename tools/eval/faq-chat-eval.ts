/**
 * `npm run eval:faq-chat [-- --url http://host:port] [--faq faq-dev.jsonl] [--national records.jsonl.gz] [--json out.json]`:
 * plays every question of ../shared/eval/faq-dev.jsonl, as written and with its diacritics
 * stripped, each in a new conversation through POST /api/chat over the full national catalog,
 * and judges each reply against the question's `acceptable` codes (faq-chat-score.ts): right
 * (answered, or clarified with an acceptable option among ≤4), wrong (a procedure committed
 * that is not acceptable) or unhelpful. Also asks GET /api/procedures/search for the same text,
 * to tell failures of the chat from failures of retrieval. Without --url it starts the assistant
 * in-process as `npm run eval -- --national` does (bundled catalog + national records).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { createCatalog, type Catalog } from '../../knowledge/catalog-store.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { groupNearDuplicates } from '../../indexer/near-duplicates.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';
import { NO_CLIENT_LIMITS, startLocalServer } from '../../deps/local-server.ts';
import { FORMS, formatFailures, formatHeadline, formatRates, formatRiskCoverage, type FaqChatRecord, type Form } from './faq-chat-report.ts';
import { judgeReply, parseFaqDevJsonl, withNearDuplicates, type ChatResponse } from './faq-chat-score.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    faq: { type: 'string', default: path.join(shared, 'eval/faq-dev.jsonl') },
    national: { type: 'string', default: path.join(shared, 'data/dvc-procedures.jsonl.gz') },
    json: { type: 'string' },
    examples: { type: 'string', default: '3' },
  },
});

const needed = [values.faq!, ...(values.url ? [] : [values.national!])];
for (const file of needed) {
  if (!existsSync(file)) {
    console.error(`Không tìm thấy tệp: ${file} (faq-chat eval: file not found; pass --faq / --national)`);
    process.exit(2);
  }
}
const questions = parseFaqDevJsonl(readFileSync(values.faq!, 'utf8'));

/** code → the codes of its near-duplicate group (itself included). */
function nearDuplicateGroups(catalog: Pick<Catalog, 'all'>): (code: string) => readonly string[] {
  const procedures = catalog.all();
  const groups = groupNearDuplicates(procedures);
  const byCode = new Map(procedures.map((p, i) => [p.code, groups[i]!.map((member) => procedures[member]!.code)]));
  return (code) => byCode.get(code) ?? [code];
}

const started = Date.now();
let baseUrl = values.url;
let stop: () => Promise<void> = async () => {};
let groupOf: (code: string) => readonly string[] = (code) => [code];
let against: string;
if (!baseUrl) {
  const national = (await loadNationalProcedures(values.national!)).procedures;
  const running = await startLocalServer({ imported: national, config: { catalog: 'curated', ...NO_CLIENT_LIMITS } });
  baseUrl = running.url;
  stop = () => running.close();
  groupOf = nearDuplicateGroups(running.deps.assistant.require().catalog);
  against = `an in-process server (bundled catalog + ${national.length} national records)`;
} else {
  // Near-duplicate groups come from the local copy of the catalog the server is expected to hold.
  if (existsSync(values.national!)) {
    const national = (await loadNationalProcedures(values.national!)).procedures;
    groupOf = nearDuplicateGroups(createCatalog([...national, ...loadBundledCatalog()]));
  } else console.error(`(no ${values.national}: grouped scores equal strict ones)`);
  against = baseUrl;
}
console.log(`${questions.length} questions × ${FORMS.length} forms against ${against} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

async function chat(text: string): Promise<ChatResponse> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) throw new Error(`POST /api/chat → ${response.status}: ${await response.text()}`);
  return (await response.json()) as ChatResponse;
}

async function search(text: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/procedures/search?${new URLSearchParams({ q: text.slice(0, 500), limit: '5' })}`);
  if (!response.ok) throw new Error(`GET /api/procedures/search → ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { results: Array<{ code: string }> };
  return body.results.map((r) => r.code);
}

const records: FaqChatRecord[] = [];
const playStarted = Date.now();
try {
  for (const item of questions) {
    for (const form of FORMS as readonly Form[]) {
      const sent = form === 'written' ? item.question : foldDiacritics(item.question);
      const response = await chat(sent);
      const searchTop = await search(sent);
      records.push({
        index: item.index,
        form,
        question: item.question,
        sent,
        acceptable: item.acceptable,
        scored: item.acceptable.length > 0,
        strict: judgeReply(response, item.acceptable, { groupOf }),
        grouped: judgeReply(response, withNearDuplicates(item.acceptable, groupOf)),
        intent: response.intent,
        procedure: response.procedure ? { code: response.procedure.code, name: response.procedure.name } : null,
        confidence: response.confidence,
        handoff: Boolean(response.handoff),
        reply: response.replies.map((r) => r.text).join('\n').slice(0, 600),
        searchTop,
        searchTop1Acceptable: searchTop[0] !== undefined && item.acceptable.includes(searchTop[0]),
      });
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${item.index + 1}/${questions.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
} finally {
  await stop();
}

console.log('');
console.log(formatRates(records));
console.log('');
console.log(formatRiskCoverage(records));
console.log('');
console.log(formatFailures(records, Number(values.examples) || 3));
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(records, null, 1)}\n`);
  console.log(`\n(per-question records written to ${values.json})`);
}
console.log('');
console.log(formatHeadline(records));
console.log(`(${records.length} chat turns + ${records.length} searches over HTTP in ${((Date.now() - playStarted) / 1000).toFixed(1)} s)`);
