/**
 * `npx tsx tools/eval/intent-eval.ts [--file ../shared/train/citizen-questions.jsonl] [--folds 5] [--errors N]`:
 * runs the word classifier (bot/intents/) over labelled citizen questions and prints accuracy per
 * intent and the confusion of each gold intent. With `--folds`, the same figures per fold of a
 * split by procedure (a question's first code), so a change tuned on some procedures can be seen
 * to hold on the others.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { classify, wordIntent } from '../../bot/intents/classify.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: path.join(shared, 'train/citizen-questions.jsonl') },
    folds: { type: 'string', default: '0' },
    errors: { type: 'string', default: '0' },
  },
});

const Row = z.object({ text: z.string(), codes: z.array(z.string()).min(1), intent: z.string() });
type Row = z.infer<typeof Row>;
const rows: Row[] = readFileSync(values.file!, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, i) => {
    const parsed = Row.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });

/** The intent the bot would answer from words alone (facet, else overview for a named topic). */
function predictedIntent(text: string): string {
  return wordIntent(classify(text));
}

interface Tally {
  right: number;
  total: number;
  confused: Map<string, number>;
}

function score(subset: readonly Row[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of subset) {
    const got = predictedIntent(row.text);
    const tally = tallies.get(row.intent) ?? { right: 0, total: 0, confused: new Map() };
    tally.total += 1;
    if (got === row.intent) tally.right += 1;
    else tally.confused.set(got, (tally.confused.get(got) ?? 0) + 1);
    tallies.set(row.intent, tally);
  }
  return tallies;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function report(label: string, subset: readonly Row[]): void {
  const tallies = score(subset);
  const right = [...tallies.values()].reduce((s, t) => s + t.right, 0);
  console.log(`\n${label}: ${right}/${subset.length} = ${pct(right, subset.length)}`);
  for (const [intent, t] of [...tallies].sort((a, b) => b[1].total - a[1].total)) {
    const confused = [...t.confused].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`  ${intent.padEnd(16)} ${String(t.right).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t.right, t.total).padStart(6)}  ${confused}`);
  }
}

report(`intent accuracy on ${path.basename(values.file!)}`, rows);

const folds = Number(values.folds);
if (folds > 1) {
  // Split by procedure: every question about one procedure falls in the same fold.
  const procedures = [...new Set(rows.map((r) => r.codes[0]!))].sort();
  const foldOf = new Map(procedures.map((code, i) => [code, i % folds]));
  for (let k = 0; k < folds; k += 1) report(`fold ${k + 1}/${folds}`, rows.filter((r) => foldOf.get(r.codes[0]!) === k));
}

const errors = Number(values.errors);
if (errors > 0) {
  console.log('\nerrors:');
  let shown = 0;
  for (const row of rows) {
    const got = predictedIntent(row.text);
    if (got === row.intent) continue;
    console.log(`  ${row.intent} → ${got}: ${row.text}`);
    if ((shown += 1) >= errors) break;
  }
}
