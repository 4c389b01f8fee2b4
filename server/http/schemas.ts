/** TypeBox pieces shared by every module's schemas. */
import { Type, type TSchema } from 'typebox';

/**
 * Size limits of what clients send (docs/api.md "Limits"). Names and titles are one line of at most
 * NAME_MAX_LENGTH characters; free text (notes) at most TEXT_MAX_LENGTH. Every string of every schema has a
 * maxLength, every array a maxItems, every number bounds, every object `additionalProperties: false`.
 */
export const NAME_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 10_000;

/**
 * One line of text: no control characters (NUL, line breaks, tabs, escape, DEL) and no unpaired surrogate
 * (half of an emoji, which is no character at all: it would be stored as U+FFFD, not as sent). PostgreSQL
 * text cannot hold NUL, and a line break in a name breaks lists, CSV exports and calendar feeds. Ajv compiles
 * patterns with the `u` flag, so a paired surrogate (an emoji) is one code point and passes.
 */
export const ONE_LINE = '^[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*$';
/** One line with at least one visible character (not only spaces). */
export const ONE_LINE_NOT_BLANK =
  '^[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*[^\\s\\u0000-\\u001f\\u007f\\ud800-\\udfff][^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*$';
/** Free text: line breaks and tabs are fine; NUL (PostgreSQL text cannot hold it) and unpaired surrogates are not. */
export const NO_NUL = '^[^\\u0000\\ud800-\\udfff]*$';
/**
 * An instant with its offset. Years 1970 to 2199 only: beyond them nothing is booked, and dates near the end of
 * what ISO 8601's four-digit years can write (9999-12-31) would step into year 10000 in a venue's zone.
 */
export const INSTANT_YEARS = '^(19[7-9][0-9]|2[01][0-9][0-9])-';
export const HH_MM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
/** What a refused pattern means, for the error message (error-handler.ts); other patterns say "has the wrong form". */
export const PATTERN_HINTS: Readonly<Record<string, string>> = {
  [ONE_LINE]: 'must be one line of text without control characters or broken (unpaired surrogate) characters',
  [ONE_LINE_NOT_BLANK]: 'must be one line of text with at least one visible character, without control characters or broken characters',
  [NO_NUL]: 'may not contain NUL characters or broken (unpaired surrogate) characters',
  [HH_MM]: 'must be a time of day as HH:MM (e.g. 08:30)',
  [INSTANT_YEARS]: 'must be a date and time with its offset (e.g. 2026-12-01T09:00:00+08:00) between the years 1970 and 2199',
};

/** One line of text, at most `maxLength` characters (default NAME_MAX_LENGTH); `notBlank`: not only spaces. */
export const Line = ({ notBlank, ...options }: { minLength?: number; maxLength?: number; notBlank?: boolean; description?: string } = {}) =>
  Type.String({ maxLength: NAME_MAX_LENGTH, ...options, pattern: notBlank ? ONE_LINE_NOT_BLANK : ONE_LINE });
/** Free text of at most `maxLength` characters (default TEXT_MAX_LENGTH), line breaks allowed. */
export const Text = (options: { maxLength?: number; description?: string } = {}) =>
  Type.String({ maxLength: TEXT_MAX_LENGTH, ...options, pattern: NO_NUL });

export const Id = Type.String({ format: 'uuid', maxLength: 36, description: 'An opaque id: send back exactly what you received.' });
export const IdParams = <K extends string>(name: K) =>
  Type.Object({ [name]: Id } as { [P in K]: typeof Id }, { additionalProperties: false });
export const Instant = Type.String({ format: 'date-time', maxLength: 40, pattern: INSTANT_YEARS });
export const NullableInstant = Type.Union([Instant, Type.Null()]);
export const LocalTime = Type.String({ pattern: HH_MM, maxLength: 5, description: 'HH:MM in the venue zone' });
/** A person-readable name: trimmed by the service, never empty, never a novel. */
export const Name = Line({ minLength: 1, maxLength: 120, notBlank: true });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: true },
);

/** Error answers every route may give; listed so the schemas document them. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;

export const wrap = <K extends string, T extends TSchema>(key: K, schema: T) =>
  Type.Object({ [key]: schema } as { [P in K]: T });

/** A string that must be one of `values`; one `enum` keyword gives a clearer validation message than a union. */
export const OneOf = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
