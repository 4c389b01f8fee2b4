/** Where anyone checks a term's draw: the member pages' verification view (`/m/?verify=<termId>`). */
export const verifyUrl = (origin: string, termId: string): string => `${origin}/m/?verify=${encodeURIComponent(termId)}`;
