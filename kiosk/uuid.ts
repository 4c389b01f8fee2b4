/**
 * A random UUID (version 4) for Idempotency-Key headers. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost), and kiosks on the LAN load the app over plain http, so this builds one from
 * `crypto.getRandomValues`, which every context has.
 */
export function uuidV4(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
