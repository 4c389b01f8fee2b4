/**
 * What a staff screen shows when others may be looking (the desk is in the hall): phone numbers masked the way
 * the kiosk sees them (server/shared/member-privacy.ts), card codes shortened so a photographed screen does
 * not let anyone check in as somebody else.
 */
import { maskPhone as maskedPhone } from '../../server/shared/member-privacy.ts';

/** 13590830166 → 135****0166; 0874-1234567 → 0874-***4567; anything else keeps only its last two characters. */
export function maskPhone(phone: string | null | undefined): string {
  return maskedPhone(phone ?? null) ?? '';
}

/** QJ2020001D → QJ******1D: enough to tell cards apart at a glance, not enough to type one in. */
export function maskCardCode(code: string | null | undefined): string {
  if (!code) return '';
  if (code.length <= 4) return '*'.repeat(code.length);
  return `${code.slice(0, 2)}${'*'.repeat(code.length - 4)}${code.slice(-2)}`;
}
