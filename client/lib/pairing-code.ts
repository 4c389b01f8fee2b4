/** Pairing codes are 8 digits; people type them with spaces, dashes, or full-width digits from a Chinese IME. */

export const PAIRING_CODE_LENGTH = 8;

/** Keep the digits (full-width ones made ASCII); drop spaces, dashes and anything else. */
export function normalizePairingCode(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\D/g, '');
}

export function isCompletePairingCode(code: string): boolean {
  return new RegExp(`^\\d{${PAIRING_CODE_LENGTH}}$`).test(normalizePairingCode(code));
}

/** `12345678` → `1234 5678`, easier to read aloud and to copy. */
export function formatPairingCode(code: string): string {
  const digits = normalizePairingCode(code);
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The code a pairing link carries in its fragment (`/kiosk/#pair=12345678`, what the QR code on the admin's
 * screen holds): a tablet that opens the link pairs without typing. The fragment never reaches the server.
 */
export function pairingCodeFromHash(hash: string): string | null {
  const match = /(?:^#|&)pair=([^&]*)/.exec(hash);
  const code = match ? normalizePairingCode(decodeURIComponent(match[1] ?? '')) : '';
  return code.length === PAIRING_CODE_LENGTH ? code : null;
}
