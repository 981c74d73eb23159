/**
 * Runs `work(key)` one call at a time per key, in call order: a conversation's stored messages
 * are synced to the outbox by one pass after another, never two at once (they would enqueue the
 * same messages twice). A failed pass does not stop the next one.
 */
export function oneAtATime<T>(work: (key: string) => Promise<T>, afterFailure: T): (key: string) => Promise<T> {
  const chains = new Map<string, Promise<T>>();
  return (key) => {
    const previous = chains.get(key) ?? Promise.resolve(afterFailure);
    const next = previous.catch(() => afterFailure).then(() => work(key));
    chains.set(key, next);
    void next
      .finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      })
      .catch(() => undefined);
    return next;
  };
}
