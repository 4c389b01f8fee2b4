/**
 * First-come applications of one term take turns inside this process before they take a database connection.
 * The database already makes them take turns (each locks its classes' rows, first-come.ts); without this queue a
 * rush of 300 at once would hold every pooled connection while waiting on those row locks, and the requests
 * behind them would give up waiting for a connection (503) although nothing was wrong. With it, one
 * connection per term and process waits, and the rest wait here, in arrival order, without a deadline of their
 * own. Other processes have queues of their own; the row locks keep them in line with each other.
 */
const tails = new Map<string, Promise<unknown>>();

export function inArrivalOrder<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  // The last in line removes the entry, so idle terms leave nothing behind.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
