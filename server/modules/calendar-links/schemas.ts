/** Calendar subscription links (docs/api.md "Bookings", calendar feeds and subscription links): what a link looks like, never with its token. */
import { Type, type Static } from 'typebox';
import { Id, Instant, Line, NullableInstant, OneOf } from '../../http/schemas.ts';

export const LABEL_MAX_LENGTH = 80;
/** Live links one person may hold at once: plenty for every calendar program they use, not a flood. */
export const LINKS_PER_USER_MAX = 50;

export const CreateCalendarLinkBody = Type.Object(
  {
    label: Line({ minLength: 1, maxLength: LABEL_MAX_LENGTH, notBlank: true, description: 'Where the link is used, e.g. "Outlook 办公室"' }),
  },
  { additionalProperties: false },
);
export type CreateCalendarLinkInput = Static<typeof CreateCalendarLinkBody>;

export const CalendarLinkSchema = Type.Object({
  id: Id,
  label: Type.String(),
  target: Type.Object({
    kind: OneOf(['venue', 'room'] as const),
    venueId: Id,
    venueName: Type.String(),
    roomId: Type.Union([Id, Type.Null()]),
    roomName: Type.Union([Type.String(), Type.Null()]),
  }),
  owner: Type.Object({ id: Id, username: Type.String(), disabled: Type.Boolean() }),
  /** Whether the feed opens now: the owner is enabled and may still read the venue (else the feed refuses). */
  usable: Type.Boolean(),
  createdAt: Instant,
  lastUsedAt: NullableInstant,
});
export type CalendarLinkDto = Static<typeof CalendarLinkSchema>;

/** The answer of a new link: the token, and the URL that carries it, shown this once and never again. */
export const CreatedCalendarLinkSchema = Type.Object({ link: CalendarLinkSchema, token: Type.String(), url: Type.String() });

/** `GET …/calendar-link`: the feed's plain URL (for signed-in callers) and the caller's live links to it. */
export const CalendarLinkInfoSchema = Type.Object({ url: Type.String(), links: Type.Array(CalendarLinkSchema) });
