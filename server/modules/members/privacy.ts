/**
 * What a screen in a public hall may show of a member: kiosks and displays get phone numbers masked and no
 * card codes or member numbers (a photographed screen must not let anyone check in as somebody else). The
 * mask (server/shared/member-privacy.ts) is the most a device learns of a phone: its searches test no other digits
 * (device-search.ts).
 */
import type { Principal } from '../auth/principal.ts';
import type { MemberDto } from './schemas.ts';
import { maskPhone } from '../../shared/member-privacy.ts';

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
