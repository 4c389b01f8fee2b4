import { describe, expect, it } from 'vitest';
import { LatestSender, type SenderStatus } from './live-sender.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestSender', () => {
  it('sends one at a time and skips scores that were overtaken', async () => {
    const sent: number[] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    const sender = new LatestSender<number>({
      send: (n) => {
        sent.push(n);
        const d = deferred();
        gates.push(d);
        return d.promise;
      },
      isFinal: () => false,
    });
    sender.push(1);
    sender.push(2);
    sender.push(3);
    expect(sent).toEqual([1]);
    gates[0]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual([1, 3]);
    gates[1]!.resolve();
    await sender.idle();
    expect(sent).toEqual([1, 3]);
    expect(sender.status).toBe('idle');
  });

  it('tries the newest again after a network failure, and drops a refused one', async () => {
    const sent: number[] = [];
    const statuses: SenderStatus[] = [];
    let failNext = true;
    const sender = new LatestSender<number>({
      send: async (n) => {
        sent.push(n);
        if (n === 9) throw new Error('refused');
        if (failNext) {
          failNext = false;
          throw new Error('offline');
        }
      },
      isFinal: (e) => (e as Error).message === 'refused',
      onStatus: (s) => statuses.push(s),
      wait: async () => {},
    });
    sender.push(1);
    await sender.idle();
    expect(sent).toEqual([1, 1]);
    expect(statuses).toContain('retrying');
    sender.push(9);
    await sender.idle();
    expect(sent).toEqual([1, 1, 9]);
    expect(sender.status).toBe('idle');
  });

  it('sends nothing after stop', async () => {
    const sent: number[] = [];
    const sender = new LatestSender<number>({ send: async (n) => void sent.push(n), isFinal: () => true });
    sender.stop();
    sender.push(1);
    await sender.idle();
    expect(sent).toEqual([]);
  });
});
