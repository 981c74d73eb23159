/**
 * `npm run bench`: runs each benchmark of BENCHES in sequence, each in its own child process so
 * its peak RSS (process.resourceUsage().maxRSS) is its own, then prints every bench's numbers,
 * its peak RSS and whether it met its targets.
 *
 *   npm run bench                    all benches
 *   npm run bench -- chat            only the named ones
 *   npm run bench -- --strict        exit 1 when a target is missed (a bench that fails always does)
 *   npm run bench -- soak --seconds 60   the soak (only when named; default 300 s)
 *   npm run bench -- startup --runs 9    start-up to /health 200 (default 5 runs)
 *
 * To add a bench: a module exporting `async function runXxxBench(): Promise<Record<string, number>>`
 * and one entry below. A missing module is reported as skipped, not an error, so a bench can be
 * listed before its file lands.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Target {
  key: string;
  /** The number must be at most this… */
  max?: number;
  /** …or at least this. */
  min?: number;
}

interface BenchEntry {
  name: string;
  /** Module path relative to this folder. */
  file: string;
  exportName: string;
  targets?: Target[];
  /** Run only when named on the command line (long benches). */
  onlyWhenNamed?: boolean;
}

const BENCHES: BenchEntry[] = [
  {
    name: 'chat',
    file: 'chat-bench.ts',
    exportName: 'runChatBench',
    targets: [
      { key: 'p95_ms', max: 50 },
      { key: 'turns_per_s', min: 200 },
    ],
  },
  {
    name: 'directline',
    file: 'directline-bench.ts',
    exportName: 'runDirectlineBench',
    targets: [{ key: 'post_to_stream_p95_ms', max: 100 }],
  },
  {
    name: 'retrieval',
    file: 'retrieval-bench.ts',
    exportName: 'runRetrievalBench',
    targets: [
      { key: 'search_lexical_p95_ms', max: 30 },
      { key: 'search_hybrid_p95_ms', max: 30 },
      { key: 'full_index_ms', max: 300_000 },
      { key: 'one_procedure_rebuild_ms', max: 5_000 },
    ],
  },
  {
    name: 'insights',
    file: 'insights-bench.ts',
    exportName: 'runInsightsBench',
    targets: [{ key: 'report_median_ms', max: 3_000 }],
  },
  {
    name: 'local',
    file: 'local-bench.ts',
    exportName: 'runLocalBench',
    targets: [
      { key: 'import_xlsx_ms', max: 60_000 },
      { key: 'publish_one_median_ms', max: 1_000 },
      { key: 'reindex_with_own_median_ms', max: 10_000 },
    ],
  },
  {
    name: 'startup',
    file: 'startup-bench.ts',
    exportName: 'runStartupBench',
    targets: [
      { key: 'health_200_median_ms', max: 15_000 },
      { key: 'health_200_max_ms', max: 15_000 },
    ],
  },
  {
    name: 'soak',
    file: 'soak-bench.ts',
    exportName: 'runSoakBench',
    targets: [{ key: 'lost', max: 0 }, { key: 'errors', max: 0 }],
    onlyWhenNamed: true,
  },
];

type BenchFn = (argv: string[]) => Promise<Record<string, number>>;

/** Options given to the benches (`--seconds N`, `--runs N`), passed through to the child. */
const VALUED_OPTIONS = new Set(['--seconds', '--runs']);

interface ChildReport {
  results?: Record<string, number>;
  error?: string;
  maxRssKb: number;
}

const modulePath = (entry: BenchEntry) => fileURLToPath(new URL(entry.file, import.meta.url));

/** In the child: import the module (only if it exists), run the bench, report to the parent. */
async function runOne(name: string, argv: string[]): Promise<void> {
  const entry = BENCHES.find((b) => b.name === name);
  const report = (body: Omit<ChildReport, 'maxRssKb'>) =>
    new Promise<void>((resolve) => {
      const message: ChildReport = { ...body, maxRssKb: process.resourceUsage().maxRSS };
      if (process.send) process.send(message, () => resolve());
      else {
        console.log(JSON.stringify(message));
        resolve();
      }
    });
  try {
    if (!entry) throw new Error(`unknown bench "${name}"`);
    const file = modulePath(entry);
    if (!existsSync(file)) throw new Error(`${entry.file} is missing`);
    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const run = loaded[entry.exportName];
    if (typeof run !== 'function') throw new Error(`${entry.file} does not export ${entry.exportName}()`);
    await report({ results: await (run as BenchFn)(argv) });
  } catch (error) {
    await report({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

function runInChild(entry: BenchEntry, options: string[]): Promise<ChildReport> {
  return new Promise((resolve) => {
    let report: ChildReport | undefined;
    // fork() keeps process.execArgv, so the child runs under the same tsx loader.
    const child = fork(fileURLToPath(import.meta.url), ['--one', entry.name, ...options], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message) => (report = message as ChildReport));
    child.on('exit', (code, signal) => {
      resolve(report ?? { error: `bench process exited (${signal ?? `code ${code}`}) without a report`, maxRssKb: Number.NaN });
    });
  });
}

function checkTargets(entry: BenchEntry, results: Record<string, number>): string[] {
  const missed: string[] = [];
  for (const target of entry.targets ?? []) {
    const value = results[target.key];
    if (value === undefined || Number.isNaN(value)) missed.push(`${target.key} not reported`);
    else if (target.max !== undefined && value > target.max) missed.push(`${target.key} ${value} > ${target.max}`);
    else if (target.min !== undefined && value < target.min) missed.push(`${target.key} ${value} < ${target.min}`);
  }
  return missed;
}

async function main(argv: string[]): Promise<number> {
  const oneIndex = argv.indexOf('--one');
  if (oneIndex >= 0) {
    await runOne(argv[oneIndex + 1] ?? '', argv.slice(oneIndex + 2));
    return 0;
  }
  const strict = argv.includes('--strict');
  const options: string[] = [];
  const wanted: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (VALUED_OPTIONS.has(arg)) options.push(arg, argv[(i += 1)] ?? '');
    else if (!arg.startsWith('--')) wanted.push(arg);
  }
  const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
    return 2;
  }

  let failed = false;
  const summary: Array<{ name: string; lines: string[] }> = [];
  for (const entry of BENCHES) {
    if (wanted.length ? !wanted.includes(entry.name) : entry.onlyWhenNamed) continue;
    if (!existsSync(modulePath(entry))) {
      summary.push({ name: entry.name, lines: [`skipped: tools/bench/${entry.file} is not there`] });
      continue;
    }
    console.log(`\n== bench: ${entry.name}`);
    const started = performance.now();
    const report = await runInChild(entry, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rss = `peak RSS ${Number.isNaN(report.maxRssKb) ? '?' : `${Math.round(report.maxRssKb / 1024)} MB (${report.maxRssKb} KB)`}`;
    if (report.error || !report.results) {
      failed = true;
      summary.push({ name: entry.name, lines: [`FAILED after ${seconds} s: ${report.error ?? 'no results'}`, rss] });
      continue;
    }
    const missed = checkTargets(entry, report.results);
    if (missed.length && strict) failed = true;
    const width = Math.max(...Object.keys(report.results).map((k) => k.length));
    summary.push({
      name: entry.name,
      lines: [
        ...Object.entries(report.results).map(([key, value]) => `${key.padEnd(width)}  ${value}`),
        rss,
        `took ${seconds} s`,
        ...(entry.targets?.length
          ? [missed.length ? `targets MISSED: ${missed.join('; ')}` : `targets met: ${entry.targets.map((t) => `${t.key} ${t.max !== undefined ? `≤ ${t.max}` : `≥ ${t.min}`}`).join(', ')}`]
          : []),
      ],
    });
  }

  console.log('\n== bench summary');
  for (const { name, lines } of summary) {
    console.log(`\n[${name}]`);
    for (const line of lines) console.log(`  ${line}`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
