/**
 * The embedded default: PGlite (Postgres in WASM) with its files under DATA_DIR/pglite, or in
 * memory. The database runs in its own worker thread (pglite-worker.js), so SQL runs beside the
 * bot's work on the event loop instead of taking turns with it; a transaction holds the database
 * from 'begin' to 'end' as PGlite's own transaction does.
 */
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Db, QueryResult, Transaction } from './db.ts';

type Request =
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

interface ErrorFields {
  name: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorFields };
type Ready = { ready: true } | { ready: false; error: ErrorFields };

/** The database error as thrown in the worker: its message and its own fields (code, detail …). */
function rebuiltError(fields: ErrorFields): Error {
  const { name, message, stack, ...own } = fields;
  const error = Object.assign(new Error(message), own);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}

const WORKER_URL = new URL('./pglite-worker.js', import.meta.url);

export async function openPgliteDb(directory: string | null): Promise<Db> {
  if (directory) await mkdir(directory, { recursive: true });
  const worker = new Worker(WORKER_URL, { workerData: { directory }, execArgv: [] });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let stopped: Error | null = null;

  // The thread keeps the process alive only while a request waits on it.
  const settle = (id: number) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    return entry;
  };
  const stop = (reason: Error) => {
    stopped ??= reason;
    for (const id of [...waiting.keys()]) settle(id)?.reject(reason);
  };

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      worker.off('message', opened);
      reject(error);
    };
    const exited = (code: number) => failed(new Error(`PGlite worker exited with code ${code} before it opened the database`));
    const opened = (message: Ready) => {
      worker.off('error', failed).off('exit', exited);
      if (message.ready) resolve();
      else reject(rebuiltError(message.error));
    };
    worker.once('message', opened).once('error', failed).once('exit', exited);
  });
  worker.on('message', (reply: Reply) => {
    const entry = settle(reply.id);
    if (reply.ok) entry?.resolve(reply.value);
    else entry?.reject(rebuiltError(reply.error));
  });
  worker.on('error', (error) => stop(error));
  worker.on('exit', (code) => stop(new Error(`PGlite worker exited with code ${code}`)));
  worker.unref();

  const call = <T>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (waiting.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ...request });
    });
  };

  const clientIn = (tx?: number): Transaction => ({
    query: <Row>(sql: string, params: unknown[] = []) =>
      call<QueryResult<Row>>({ op: 'query', sql, params, ...(tx === undefined ? {} : { tx }) }),
    exec: async (sql: string) => {
      await call({ op: 'exec', sql, ...(tx === undefined ? {} : { tx }) });
    },
  });
  const outside = clientIn();

  return {
    kind: 'pglite',
    query: outside.query,
    exec: outside.exec,
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      let value: Awaited<ReturnType<typeof fn>>;
      try {
        value = await fn(clientIn(tx));
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return value;
    },
    async close() {
      if (stopped) return;
      await call({ op: 'close' });
      stopped = new Error('PGlite database closed');
      await worker.terminate();
    },
  };
}
