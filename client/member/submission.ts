/**
 * The Idempotency-Key of one submission (docs/api.md "Senior-university enrolment": the same key again answers
 * with the same application and changes nothing). A phone on a weak signal often loses the answer of a request
 * that did arrive; sending again with the same key then gets that application back instead of a second one or
 * a `409 duplicate`. So the key lives as long as what is being sent stays the same, across every retry, and a
 * new one is made only when the choices change or after the server accepted them.
 */
export class SubmissionKey {
  #key: string | null = null;
  #signature: string | null = null;
  readonly #make: () => string;

  constructor(make: () => string) {
    this.#make = make;
  }

  /** The key for sending `signature` (what is sent, e.g. the term and the ordered class ids). */
  keyFor(signature: string): string {
    if (this.#key === null || this.#signature !== signature) {
      this.#key = this.#make();
      this.#signature = signature;
    }
    return this.#key;
  }

  /** The server accepted it: whatever is sent next is a new submission. */
  done(): void {
    this.#key = null;
    this.#signature = null;
  }
}

/** What one application's key covers: the term and the choices in their order. */
export const applicationSignature = (termId: string, choices: readonly string[]): string => `${termId}|${choices.join(',')}`;
