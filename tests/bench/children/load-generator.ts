/**
 * A separate process that sends HTTP requests as fast as the server answers them, `concurrency` at a time
 * over keep-alive connections, and reports requests/s (and, when asked, every answer with the times it was sent
 * and answered: a rush of applications fires them all at once and needs each one's answer). Separate so that
 * making requests does not share the server's event loop (on a 2-core machine the server, PostgreSQL and this
 * process share two cores, equally for the route under test and its baseline).
 *
 * Protocol (IPC): the parent sends a `LoadJob`; this process answers with a `LoadResult` and waits for the
 * next job; it exits when the parent disconnects.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export interface LoadJob {
  /** The server, or several taking turns request by request (as a load balancer would spread them). */
  url: string | string[];
  path: string;
  headers: Record<string, string>;
  /** Request bodies, used round-robin. */
  bodies: string[];
  total: number;
  concurrency: number;
  /** Send a fresh UUID in this header with each request (the check-in's Idempotency-Key). */
  uuidHeader?: string;
  /** Return every answer with its times (for latencies, and for what each request was told). */
  keepAnswers?: boolean;
}

/** One request: sent and answered on the machine's clock (`performance.timeOrigin + performance.now()`, as fleet.ts reads it). */
export interface LoadAnswer {
  /** Index into the job's requests (so `bodies[index % bodies.length]` was sent). */
  index: number;
  startedAt: number;
  answeredAt: number;
  status: number;
  body: string;
}

export interface LoadResult {
  rps: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** One unexpected answer, to show when the run fails. */
  sample?: string;
  /** With `keepAnswers`: every answer, in the order they arrived. */
  answers?: LoadAnswer[];
}

const clock = () => performance.timeOrigin + performance.now();

async function runJob(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const targets = (Array.isArray(job.url) ? job.url : [job.url]).map((url) => new URL(job.path, url));
  const statuses: Record<string, number> = {};
  let sample: string | undefined;
  const answers: LoadAnswer[] = [];
  let next = 0;
  const once = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const startedAt = clock();
      const body = job.bodies[index % job.bodies.length] ?? '{}';
      const headers: Record<string, string | number> = { ...job.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (job.uuidHeader) headers[job.uuidHeader] = randomUUID();
      const request = http.request(targets[index % targets.length]!, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const code = String(response.statusCode);
          if (job.keepAnswers) answers.push({ index, startedAt, answeredAt: clock(), status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
          statuses[code] = (statuses[code] ?? 0) + 1;
          if ((response.statusCode ?? 0) >= 300 && !sample) sample = `${code} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
          resolve();
        });
      });
      request.on('error', (error) => {
        if (!job.keepAnswers) return reject(error);
        // Kept as an answer that never came (status 0), so that a lost request is counted, not the run aborted.
        statuses.error = (statuses.error ?? 0) + 1;
        sample ??= String(error);
        answers.push({ index, startedAt, answeredAt: clock(), status: 0, body: String(error) });
        resolve();
      });
      request.end(body);
    });
  const worker = async () => {
    for (let i = next++; i < job.total; i = next++) await once(i);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: job.total / seconds, statuses, ...(sample ? { sample } : {}), ...(job.keepAnswers ? { answers } : {}) };
}

process.on('message', (job: LoadJob) => {
  runJob(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ rps: 0, statuses: {}, sample: String(error) } satisfies LoadResult),
  );
});
process.on('disconnect', () => process.exit(0));
