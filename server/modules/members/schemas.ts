import { Type, type Static } from 'typebox';
import { MEMBER_CATEGORIES } from '../../shared/enums.ts';
import { Id, Line, OneOf, Text } from '../../http/schemas.ts';

export const MemberCategorySchema = OneOf(MEMBER_CATEGORIES, 'veteran 离休, retired 退休, leader 原市级领导, other');

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const CardCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });
const MemberNo = Line({ minLength: 1, maxLength: 32 });
const MemberName = Line({ minLength: 1, maxLength: 60, notBlank: true });
const FormerUnit = Line({ maxLength: 200 });
const FormerPosition = Line({ maxLength: 100 });
/** The member ledger's remarks column; the form and the CSV import keep to the same 500. */
const MemberNotes = Text({ maxLength: 500 });
const Phone = Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+ -]+$' });
const BirthMonth = Type.String({ pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])$', maxLength: 7, description: 'YYYY-MM' });

export const MemberSchema = Type.Object({
  id: Id,
  memberNo: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  gender: Type.Union([OneOf(['male', 'female'] as const), Type.Null()]),
  birthMonth: Type.Union([Type.String(), Type.Null()]),
  formerUnit: Type.Union([Type.String(), Type.Null()]),
  formerPosition: Type.Union([Type.String(), Type.Null()]),
  category: MemberCategorySchema,
  /** Masked (138****0166) for kiosks and displays. */
  phone: Type.Union([Type.String(), Type.Null()]),
  cardCode: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
});
export type MemberDto = Static<typeof MemberSchema>;

export const CreateMemberBody = Type.Object(
  {
    name: MemberName,
    cardCode: Type.Optional(CardCode),
    memberNo: Type.Optional(MemberNo),
    phone: Type.Optional(Phone),
    category: Type.Optional(MemberCategorySchema),
    gender: Type.Optional(OneOf(['male', 'female'] as const)),
    birthMonth: Type.Optional(BirthMonth),
    formerUnit: Type.Optional(FormerUnit),
    formerPosition: Type.Optional(FormerPosition),
    notes: Type.Optional(MemberNotes),
  },
  { additionalProperties: false },
);
export type CreateMemberInput = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Type.Object(
  {
    name: Type.Optional(MemberName),
    cardCode: Type.Optional(Nullable(CardCode)),
    memberNo: Type.Optional(Nullable(MemberNo)),
    phone: Type.Optional(Nullable(Phone)),
    category: Type.Optional(MemberCategorySchema),
    gender: Type.Optional(Type.Union([OneOf(['male', 'female'] as const), Type.Null()])),
    birthMonth: Type.Optional(Nullable(BirthMonth)),
    formerUnit: Type.Optional(Nullable(FormerUnit)),
    formerPosition: Type.Optional(Nullable(FormerPosition)),
    notes: Type.Optional(Nullable(MemberNotes)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;

export const ListMembersQuery = Type.Object(
  {
    q: Type.Optional(Line({ maxLength: 60 })),
    /** A card code, exactly (any case): the one member holding it, or none. Takes the place of `q`. */
    code: Type.Optional(CardCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type ListMembersInput = Static<typeof ListMembersQuery>;
