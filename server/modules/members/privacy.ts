/**
 * What a screen in a public hall may show of a member: kiosks and displays get phone numbers masked and no
 * card codes or member numbers (a photographed screen must not let anyone check in as somebody else). The
 * mask is the most a device learns of a phone: its searches test no other digits (device-search.ts).
 */
import type { Principal } from '../auth/principal.ts';
import type { MemberDto } from './schemas.ts';

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

export function isPublicScreen(principal: Principal): boolean {
  return principal.kind === 'device';
}

export function forViewer(member: MemberDto, principal: Principal): MemberDto {
  if (!isPublicScreen(principal)) return member;
  return {
    ...member,
    phone: maskPhone(member.phone),
    // Member numbers are often printed on the card, or are its code (the demo history's are): staff only.
    memberNo: null,
    cardCode: null,
    birthMonth: null,
    formerUnit: null,
    formerPosition: null,
    notes: null,
  };
}
