/**
 * Starting a benchmark child process (a TypeScript file under tsx) and talking to it over IPC, one request
 * and one answer at a time. `advanced` serialisation carries typed arrays (receipt times) cheaply.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Child<Req, Res> {
  process: ChildProcess;
  /** Sends a message and resolves with the next message the child sends. */
  ask(message: Req, timeoutMs?: number): Promise<Res>;
  /** Resolves with the next message the child sends (e.g. a notice it sends unasked). */
  next(timeoutMs?: number): Promise<Res>;
  close(): Promise<void>;
}

export function spawnChild<Req, Res>(file: string, execArgv: string[] = []): Child<Req, Res> {
  const child = fork(path.join(import.meta.dirname, file), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<{ resolve: (m: Res) => void; reject: (e: Error) => void }> = [];
  const queued: Res[] = [];
  child.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message as Res);
    else queued.push(message as Res);
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${file} exited (${code}) before answering`));
  });
  const next = (timeoutMs = 600_000) =>
    new Promise<Res>((resolve, reject) => {
      const early = queued.shift();
      if (early !== undefined) return resolve(early);
      const timer = setTimeout(() => reject(new Error(`${file} did not answer within ${timeoutMs} ms`)), timeoutMs);
      waiting.push({
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  return {
    process: child,
    next,
    ask(message, timeoutMs) {
      child.send(message as object);
      return next(timeoutMs);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
