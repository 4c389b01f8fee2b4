/**
 * The public check of one term's draw: fetch what was published (GET /api/terms/:termId/draw, no sign-in) and
 * recompute it on this device (draw-check.ts), with crypto.subtle where the page has it (sha256.ts).
 */
import type { DrawViewDto } from '../../server/modules/enrolment/schemas.ts';
import { ApiError } from '../lib/api.ts';
import { checkDraw, type DrawCheck } from './draw-check.ts';
import { memberApi } from './member-api.ts';
import { sha256Hex, sha256Source, type Sha256Source } from './sha256.ts';

export type VerificationStatus = 'loading' | 'checking' | 'done' | 'notDrawn' | 'error';

export class DrawVerification {
  status = $state<VerificationStatus>('loading');
  view = $state.raw<DrawViewDto | null>(null);
  check = $state.raw<DrawCheck | null>(null);
  error = $state<unknown>(null);
  readonly source: Sha256Source = sha256Source();

  readonly #termId: string;

  constructor(termId: string) {
    this.#termId = termId;
  }

  async run(): Promise<void> {
    this.status = 'loading';
    this.check = null;
    try {
      this.view = await memberApi.draw(this.#termId);
    } catch (error) {
      // Before the draw the server answers 404: not an error, just too early.
      this.status = error instanceof ApiError && error.statusCode === 404 ? 'notDrawn' : 'error';
      this.error = error;
      return;
    }
    this.status = 'checking';
    try {
      this.check = await checkDraw(this.view, (text) => sha256Hex(text));
      this.status = 'done';
    } catch (error) {
      // Data the draw cannot even run on (a malformed publication) is a failed check, said as such.
      this.error = error;
      this.status = 'error';
    }
  }
}
