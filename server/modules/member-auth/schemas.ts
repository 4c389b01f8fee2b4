/** The member sign-in routes' schemas (docs/api.md "Senior-university enrolment", member PINs). */
import { Type, type Static } from 'typebox';
import { Id, Line } from '../../http/schemas.ts';
import { PIN_PATTERN } from './pin.ts';

/** The member as the phone pages greet them: no number, phone or card (the page is on someone's phone). */
export const SignedInMemberSchema = Type.Object({ id: Id, name: Type.String() });
export type SignedInMemberDto = Static<typeof SignedInMemberSchema>;

export const MemberLoginBody = Type.Object(
  {
    /** As printed on the member's card (members.member_no); any letter case. */
    memberNo: Line({ minLength: 1, maxLength: 32, notBlank: true }),
    pin: Type.String({ pattern: PIN_PATTERN, minLength: 6, maxLength: 6, description: 'The six digits the desk issued' }),
  },
  { additionalProperties: false },
);
export type MemberLoginInput = Static<typeof MemberLoginBody>;

export const MemberResponse = Type.Object({ member: SignedInMemberSchema });

/** The new PIN, shown once: the server keeps only its hash. */
export const PinResponse = Type.Object({ pin: Type.String({ pattern: PIN_PATTERN }) });
