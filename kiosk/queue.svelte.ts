/**
 * The kiosk's side of its check-in queue (checkin-queue.ts): sends check-ins over HTTP with their
 * Idempotency-Key, tells the screens how many wait and whether the line is up, and retries — at once when the
 * browser says it is online again or the socket reconnects (`nudge`), else with backoff, and every half
 * minute while anything waits.
 *
 * A member at the screen waits for their own check-in at most `SUBMIT_WAIT_MS`; after that it is shown as
 * stored ("已记录") and goes on in the background with the same key.
 *
 * Unpaired by staff (the server answers 401 `revoked: true`, or the socket is shut for good): nothing queued can
 * ever be accepted with this token, so it all goes to the failed list with that reason (none of it was
 * recorded), no more tries are made, and `submit` refuses at once, until `resume` after a new pairing.
 * The queue belongs to the app, not to one pairing: the queue in IndexedDB outlives the token.
 */
import { api, ApiError, seg } from '../client/lib/api.ts';
import { CheckInQueue, isRevoked, retryDelay, type FailedItem, type QueueItem } from './checkin-queue.ts';
import type { CheckInAnswer, CheckInRequest } from './checkin-types.ts';

/** The IndexedDB database of the queue. Its name is older than the queue's: kiosks in the field hold check-ins in it. */
const DB_NAME = 'centre-ops-kiosk-outbox';
const REQUEST_TIMEOUT_MS = 10_000;
const SUBMIT_WAIT_MS = 6_000;
const SWEEP_MS = 30_000;

export type SubmitResult =
  | { status: 'sent'; key: string; answer: CheckInAnswer }
  | { status: 'queued'; key: string }
  | { status: 'refused'; key: string; error: ApiError };

const isNetworkTrouble = (error: unknown) => !(error instanceof ApiError);

/** What the queue records when the news of the unpairing came from elsewhere (the socket, `GET /api/auth/me`). */
export const revokedError = (): ApiError =>
  new ApiError({ statusCode: 401, code: 'unauthenticated', revoked: true, message: 'This device was unpaired by staff; ask them for a new pairing code.' });

export interface KioskQueueOptions {
  /** Called once when a send finds the device unpaired (the app then shows the unpaired screen). */
  onRevoked?: () => void;
}

export class KioskQueue {
  /** Check-ins (and undos) stored and not yet accepted by the server. */
  pending = $state(0);
  /** Check-ins the server refused after the member had left: for staff. */
  failed = $state.raw<FailedItem[]>([]);
  /** Whether the last request got an answer from the server. */
  reachable = $state(true);
  /** What the browser says about its network. */
  browserOnline = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  /** False when IndexedDB could not be opened: the queue then lives only as long as the page. */
  durable = $state(true);
  /** Staff unpaired this kiosk: nothing is sent and no check-in is taken until it is paired again. */
  revoked = $state(false);

  readonly #token: () => string | null;
  readonly #onRevoked: (() => void) | undefined;
  readonly #queue: Promise<CheckInQueue>;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(token: () => string | null, options: KioskQueueOptions = {}) {
    this.#token = token;
    this.#onRevoked = options.onRevoked;
    this.#queue = CheckInQueue.open(DB_NAME, (item) => this.#send(item));
  }

  get online(): boolean {
    return this.reachable && this.browserOnline;
  }

  start(): () => void {
    const onOnline = () => {
      this.browserOnline = true;
      this.reachable = true;
      this.nudge();
    };
    const onOffline = () => {
      this.browserOnline = false;
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const sweep = setInterval(() => {
      if (this.pending > 0) this.nudge();
    }, SWEEP_MS);
    void this.#queue.then(async (queue) => {
      this.durable = queue.durable;
      await this.#refresh(queue);
      this.nudge();
    });
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      clearInterval(sweep);
      this.#clearRetry();
    };
  }

  /** Try to send now (the line may be back). */
  nudge(): void {
    void this.#flush();
  }

  /** A request outside the queue reached the server, or found no line. */
  markReachable(reachable: boolean): void {
    this.reachable = reachable;
  }

  /**
   * This kiosk was unpaired: everything waiting goes to the failed list with that reason, and sending stops.
   * Runs between passes of the queue, so nothing is in flight while it moves them.
   */
  async revoke(): Promise<void> {
    this.revoked = true;
    this.#clearRetry();
    const queue = await this.#queue;
    await queue.refuseAll(revokedError());
    await this.#refresh(queue);
  }

  /** Paired again (a new token): take check-ins and send again. */
  resume(): void {
    if (!this.revoked) return;
    this.revoked = false;
    this.#failures = 0;
    this.nudge();
  }

  /** Store the check-in with a new key, then try to send it (and anything queued before it). */
  async submit(request: CheckInRequest, note: string): Promise<SubmitResult> {
    // Unpaired: not even stored, it could never be sent.
    if (this.revoked) return { status: 'refused', key: '', error: revokedError() };
    const queue = await this.#queue;
    const item = await queue.checkIn(request, note);
    this.pending += 1;
    const flushed = this.#flush().then(() => queue.outcome(item.key));
    const outcome = await Promise.race([flushed, new Promise<undefined>((r) => setTimeout(r, SUBMIT_WAIT_MS))]);
    if (outcome?.status === 'sent') return { status: 'sent', key: item.key, answer: outcome.answer as CheckInAnswer };
    if (outcome?.status === 'refused') {
      // The member is told at the screen; the staff list is for refusals nobody saw. An unpairing stays
      // listed: the screen changes to the unpaired notice at once, and staff should see every check-in it cost.
      if (!isRevoked(outcome.error)) await queue.forgetFailed(item.key);
      await this.#refresh(queue);
      return { status: 'refused', key: item.key, error: outcome.error };
    }
    return { status: 'queued', key: item.key };
  }

  /**
   * Undo a check-in: withdrawn from the queue if it was not sent yet, else its visit is checked out (queued
   * like a check-in, so an undo while offline is not lost either).
   */
  async undo(key: string, visitId: string | null, note: string): Promise<void> {
    const queue = await this.#queue;
    const result = await queue.withdraw(key);
    if (result === 'removed') {
      await this.#refresh(queue);
      return;
    }
    const sentVisit =
      typeof result === 'object' && result.status === 'sent' ? (result.answer as CheckInAnswer).visit.id : null;
    const visit = visitId ?? sentVisit;
    if (!visit) return;
    await queue.enqueue({ kind: 'checkout', visitId: visit }, note);
    this.pending += 1;
    await Promise.race([this.#flush(), new Promise((r) => setTimeout(r, SUBMIT_WAIT_MS))]);
  }

  async clearFailed(): Promise<void> {
    const queue = await this.#queue;
    await queue.clearFailed();
    await this.#refresh(queue);
  }

  async #send(item: QueueItem): Promise<unknown> {
    const options = { token: this.#token(), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    if (item.op.kind === 'checkout') return api.post(`/api/checkins/${seg(item.op.visitId)}/checkout`, {}, options);
    return api.post<CheckInAnswer>('/api/checkins', item.op.body, { ...options, headers: { 'Idempotency-Key': item.key } });
  }

  async #flush(): Promise<void> {
    const queue = await this.#queue;
    // No token (not paired yet) or unpaired: keep what waits, send nothing.
    if (this.revoked || !this.#token()) return;
    const report = await queue.flush();
    if (report.revoked) {
      this.reachable = true;
      this.#clearRetry();
      await this.#refresh(queue);
      if (!this.revoked) {
        this.revoked = true;
        this.#onRevoked?.();
      }
      return;
    }
    if (report.stoppedBy) {
      if (isNetworkTrouble(report.stoppedBy)) this.reachable = false;
      this.#failures += 1;
      this.#scheduleRetry();
    } else {
      this.#failures = 0;
      if (report.sent + report.refused > 0) this.reachable = true;
      this.#clearRetry();
    }
    await this.#refresh(queue);
  }

  #scheduleRetry(): void {
    this.#clearRetry();
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#flush();
    }, retryDelay(this.#failures));
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  async #refresh(queue: CheckInQueue): Promise<void> {
    const [pending, failed] = await Promise.all([queue.pending(), queue.failed()]);
    this.pending = pending.length;
    this.failed = failed;
  }
}
