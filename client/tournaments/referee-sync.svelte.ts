/**
 * The referee page's line to the server: live scores through a `LatestSender` (one request at a time, the
 * newest waiting), with a reactive status for the screen ("sent", "sending", "not sent, trying again") and the
 * last refusal, and the final result sent only after the last live score.
 */
import { ApiError } from '../lib/api.ts';
import { LatestSender, type SenderStatus } from './live-sender.ts';
import { refereeErrorText } from './referee-errors.ts';
import { putLive, putResult } from './tournaments-api.ts';
import type { Match } from './types.ts';

export class RefereeSync {
  status = $state<SenderStatus>('idle');
  /** The last refusal or failure, as a sentence; cleared by the next success. */
  problem = $state('');
  /** Live scores the server has taken. */
  sent = $state(0);
  readonly #sender: LatestSender<object>;
  readonly #matchId: string;
  readonly #onMatch: (match: Match) => void;

  constructor(matchId: string, onMatch: (match: Match) => void) {
    this.#matchId = matchId;
    this.#onMatch = onMatch;
    this.#sender = new LatestSender<object>({
      send: async (payload) => {
        const match = await putLive(this.#matchId, payload);
        this.sent += 1;
        this.problem = '';
        this.#onMatch(match);
      },
      // A 4xx will not pass by sending again; a 5xx or no answer may.
      isFinal: (error) => error instanceof ApiError && error.statusCode < 500,
      onStatus: (status, error) => {
        this.status = status;
        if (error) this.problem = refereeErrorText(error);
      },
    });
  }

  live(payload: object): void {
    this.#sender.push(payload);
  }

  /** Sends the final result after the live scores still on their way; throws the server's refusal. */
  async result(payload: object): Promise<Match> {
    await this.#sender.idle();
    const answer = await putResult(this.#matchId, payload);
    this.#onMatch(answer.match);
    return answer.match;
  }

  stop(): void {
    this.#sender.stop();
  }
}
