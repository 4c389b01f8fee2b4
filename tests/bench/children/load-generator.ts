/**
 * A separate process that sends HTTP requests as fast as the server answers them, `concurrency` at a time
 * over keep-alive connections, and reports requests/s. Separate so that making requests does not share
 * the server's event loop (on a 2-core machine the server, PostgreSQL and this process share two cores,
 * equally for the route under test and its baseline).
 *
 * Protocol (IPC): the parent sends a `LoadJob`; this process answers with a `LoadResult` and waits for the
 * next job; it exits when the parent disconnects.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export interface LoadJob {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Request bodies, used round-robin. */
  bodies: string[];
  total: number;
  concurrency: number;
  /** Send a fresh UUID in this header with each request (the check-in's Idempotency-Key). */
  uuidHeader?: string;
}

export interface LoadResult {
  rps: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** One unexpected answer, to show when the run fails. */
  sample?: string;
}

async function runJob(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(job.path, job.url);
  const statuses: Record<string, number> = {};
  let sample: string | undefined;
  let next = 0;
  const once = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const body = job.bodies[index % job.bodies.length] ?? '{}';
      const headers: Record<string, string | number> = { ...job.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (job.uuidHeader) headers[job.uuidHeader] = randomUUID();
      const request = http.request(target, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const code = String(response.statusCode);
          statuses[code] = (statuses[code] ?? 0) + 1;
          if ((response.statusCode ?? 0) >= 300 && !sample) sample = `${code} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
          resolve();
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  const worker = async () => {
    for (let i = next++; i < job.total; i = next++) await once(i);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: job.total / seconds, statuses, ...(sample ? { sample } : {}) };
}

process.on('message', (job: LoadJob) => {
  runJob(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ rps: 0, statuses: {}, sample: String(error) } satisfies LoadResult),
  );
});
process.on('disconnect', () => process.exit(0));
