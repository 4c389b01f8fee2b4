/**
 * What a screen in a public hall may show of a member, as far as the apps need it too: the phone mask (kiosks and
 * displays get phones masked; staff screens mask them while others may be looking), how many names a kiosk's search
 * shows, and the placeholder name a removed member's copies get. Who sees what is decided on the server
 * (server/modules/members/privacy.ts `forViewer`).
 */

/** 13590830166 → 135****0166; 0874-1234567 → 0874-***4567; anything short keeps only its last two digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const landline = /^(0\d{3}|0[12]\d)-?\d{3,4}(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}-***${landline[2]}`;
  const mobile = /^(\d{3})\d{4}(\d{4})$/.exec(phone);
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  return phone.length > 2 ? `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}` : '**';
}

/** The most members a kiosk's search answers: enough to find oneself, too few to page through the ledger. */
export const DEVICE_SEARCH_HITS = 8;

/** What a removed member keeps: a placeholder name (and the category: reports group visits by it). */
export const REMOVED_MEMBER_NAME = '已删除会员';
