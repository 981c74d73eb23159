/**
 * Start-up benchmark: `node --import tsx main.ts` as `npm start` runs it (default config:
 * CATALOG=full, lexical retrieval), each run on a fresh PGlite data dir and an ephemeral port,
 * timed from spawn until /health answers 200; the log's own lines say when the database was
 * ready, when the server listened and how long the index took; then the same server started again
 * on the database it made (a restart, without PGlite's initdb). Medians of 5 runs (`--runs N`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { freePort } from './free-port.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEFAULT_RUNS = 5;
/** A start that takes longer than this is a failure, not a figure. */
const GIVE_UP_MS = 120_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface StartRun {
  /** Spawn → /health 200. */
  healthMs: number;
  /** Spawn → "listening" logged. */
  listenMs: number;
  /** The assistant's own figures: catalog load, and index build or prebuilt load. */
  catalogMs: number;
  indexMs: number;
  prebuilt: boolean;
}

async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', CATALOG: 'full', RETRIEVAL_MODE: 'lexical' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Partial<StartRun> = { prebuilt: false };
  let output = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    output += `${line}\n`;
    try {
      const entry = JSON.parse(line) as { msg?: string; ms?: number };
      if (entry.msg?.includes('listening on')) run.listenMs = Math.round(performance.now() - started);
      if (entry.msg === 'catalog loaded') run.catalogMs = entry.ms;
      if (entry.msg === 'retrieval index ready') run.indexMs = entry.ms;
      if (entry.msg === 'prebuilt lexical index loaded') run.prebuilt = true;
    } catch {
      // not a log line
    }
  });
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`main.ts exited before /health said 200:\n${output.slice(-2000)}`);
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`no /health 200 within ${GIVE_UP_MS} ms:\n${output.slice(-2000)}`);
      const status = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status, () => 0);
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const healthMs = Math.round(performance.now() - started);
    // The log line saying how long the index took may reach us just after /health does.
    for (let waited = 0; run.indexMs === undefined && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    return { healthMs, listenMs: run.listenMs ?? Number.NaN, catalogMs: run.catalogMs ?? Number.NaN, indexMs: run.indexMs ?? Number.NaN, prebuilt: run.prebuilt ?? false };
  } finally {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

export async function runStartupBench(argv: string[] = []): Promise<Record<string, number>> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || DEFAULT_RUNS) : DEFAULT_RUNS;
  const results: StartRun[] = [];
  const restarts: StartRun[] = [];
  const describe = (run: StartRun) =>
    `/health 200 after ${run.healthMs} ms (listening ${run.listenMs} ms, catalog ${run.catalogMs} ms, index ${run.indexMs} ms${run.prebuilt ? ', prebuilt' : ', built'})`;
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tlt-startup-'));
    try {
      const run = await startOnce(dataDir);
      console.log(`run ${i + 1}/${runs}, fresh data dir: ${describe(run)}`);
      results.push(run);
      // The same server started again on the database it made (no initdb this time).
      const restart = await startOnce(dataDir);
      console.log(`run ${i + 1}/${runs}, restart:        ${describe(restart)}`);
      restarts.push(restart);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return {
    runs,
    health_200_median_ms: median(results.map((run) => run.healthMs)),
    health_200_max_ms: Math.max(...results.map((run) => run.healthMs)),
    listening_median_ms: median(results.map((run) => run.listenMs)),
    catalog_median_ms: median(results.map((run) => run.catalogMs)),
    index_median_ms: median(results.map((run) => run.indexMs)),
    restart_health_200_median_ms: median(restarts.map((run) => run.healthMs)),
    restart_listening_median_ms: median(restarts.map((run) => run.listenMs)),
    prebuilt_index_runs: [...results, ...restarts].filter((run) => run.prebuilt).length,
  };
}
