/**
 * A random UUID (version 4) for Idempotency-Key headers. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost) and a centre's desk may open the app over plain http on its own network, so without it one
 * is built from `crypto.getRandomValues`, which every context has.
 */
export function newIdempotencyKey(): string {
  return typeof globalThis.crypto.randomUUID === 'function' ? globalThis.crypto.randomUUID() : uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** A version-4 UUID from 16 random bytes (the version and variant bits set as RFC 9562 asks). */
export function uuidFromBytes(random: Uint8Array): string {
  const bytes = Uint8Array.from(random.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
