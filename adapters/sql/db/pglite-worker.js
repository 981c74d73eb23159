/**
 * The thread that owns the embedded PGlite database (see pglite-db.ts). Plain JavaScript: a worker
 * thread is started by Node itself, without the TypeScript loader of `tsx` or the test runner.
 *
 * Requests (from pglite-db.ts): { id, op: 'query' | 'exec' | 'begin' | 'end' | 'close', sql?,
 * params?, tx?, commit? }; every request gets one reply { id, ok: true, value } or
 * { id, ok: false, error } where error holds the database error's own fields (message, code,
 * detail, constraint …). 'begin' replies with a transaction number once the transaction holds
 * the database; 'query'/'exec' with `tx` run inside it; 'end' commits or rolls it back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {import('node:worker_threads').MessagePort} */
const port = /** @type {any} */ (parentPort);

/** The error's own fields that cross a thread (strings, numbers and booleans only). */
function errorFields(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return fields;
}

/** Open transactions: number → { tx, done, finish(commit) }. */
const transactions = new Map();
let nextTransaction = 1;

async function openDatabase() {
  const directory = workerData?.directory ?? null;
  return directory ? await PGlite.create(directory) : await PGlite.create();
}

const ROLLED_BACK = Symbol('rolled back');

/** Starts a transaction; resolves with its number once it holds the database. */
function begin(pglite) {
  return new Promise((started, failed) => {
    const number = nextTransaction++;
    const done = pglite.transaction(
      (tx) =>
        new Promise((commit, rollBack) => {
          transactions.set(number, { tx, done, finish: (shouldCommit) => (shouldCommit ? commit() : rollBack(ROLLED_BACK)) });
          started(number);
        }),
    );
    // A failure before the transaction started (BEGIN itself) fails 'begin'; later ones reach 'end'.
    done.catch((error) => failed(error));
  });
}

/** Commits or rolls back; settles when PGlite has done so. */
async function end(number, commit) {
  const open = transactions.get(number);
  if (!open) throw new Error(`no open transaction ${number}`);
  transactions.delete(number);
  open.finish(commit);
  try {
    await open.done;
  } catch (error) {
    if (error !== ROLLED_BACK) throw error;
  }
}

function clientOf(pglite, number) {
  if (number === undefined) return pglite;
  const open = transactions.get(number);
  if (!open) throw new Error(`no open transaction ${number}`);
  return open.tx;
}

async function handle(pglite, request) {
  switch (request.op) {
    case 'query': {
      const result = await clientOf(pglite, request.tx).query(request.sql, request.params ?? []);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    }
    case 'exec':
      await clientOf(pglite, request.tx).exec(request.sql);
      return null;
    case 'begin':
      return begin(pglite);
    case 'end':
      return end(request.tx, request.commit === true);
    case 'close':
      await pglite.close();
      return null;
    default:
      throw new Error(`unknown request ${String(request.op)}`);
  }
}

try {
  const pglite = await openDatabase();
  port.on('message', (request) => {
    handle(pglite, request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value }),
      (error) => port.postMessage({ id: request.id, ok: false, error: errorFields(error) }),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: errorFields(error) });
}
