/**
 * What a staff screen shows when others may be looking (the desk is in the hall): phone numbers masked the way
 * the kiosk sees them (server/modules/members/privacy.ts), card codes shortened so a photographed screen does
 * not let anyone check in as somebody else.
 */

/** 13590830166 → 135****0166; 0874-1234567 → 0874-***4567; anything else keeps only its last two characters. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const landline = /^(0\d{3}|0[12]\d)-?\d{3,4}(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}-***${landline[2]}`;
  const mobile = /^(\d{3})\d{4}(\d{4})$/.exec(phone);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  return phone.length > 2 ? `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}` : '**';
}

/** QJ2020001D → QJ******1D: enough to tell cards apart at a glance, not enough to type one in. */
export function maskCardCode(code: string | null | undefined): string {
  if (!code) return '';
  if (code.length <= 4) return '*'.repeat(code.length);
  return `${code.slice(0, 2)}${'*'.repeat(code.length - 4)}${code.slice(-2)}`;
}
