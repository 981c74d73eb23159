/**
 * A part that becomes usable some time after start (the catalog, the retrieval index and the
 * bot built over them): started once, then ready or failed. The server listens before it is
 * ready, so /health can say "starting"; whoever needs it asks `require()` and gets a
 * NotReadyError (answered 503) until then. Nothing is filled in from outside.
 */
export class NotReadyError extends Error {
  constructor(readonly part: string) {
    super(`${part} is not ready yet`);
    this.name = 'NotReadyError';
  }
}

export interface Readiness<T> {
  /** Starts loading (once; later calls return the same promise). */
  start(): Promise<T>;
  /** The loaded part, or undefined while it loads (or after it failed). */
  current(): T | undefined;
  /** Why loading failed, if it did. */
  failure(): string | undefined;
  /** The loaded part; throws NotReadyError while it is not there. */
  require(): T;
}

export function createReadiness<T>(part: string, load: () => Promise<T>): Readiness<T> {
  let started: Promise<T> | undefined;
  let value: T | undefined;
  let failed: string | undefined;
  return {
    start() {
      started ??= load().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          failed = error instanceof Error ? error.message : String(error);
          throw error;
        },
      );
      return started;
    },
    current: () => value,
    failure: () => failed,
    require() {
      if (value === undefined) throw new NotReadyError(part);
      return value;
    },
  };
}

/** An already-loaded part (tests and tools that build it themselves). */
export function readyNow<T>(value: T): Readiness<T> {
  const started = Promise.resolve(value);
  return { start: () => started, current: () => value, failure: () => undefined, require: () => value };
}
