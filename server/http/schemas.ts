/** TypeBox pieces shared by every module's schemas. */
import { Type, type TSchema } from 'typebox';

export const Id = Type.String({ format: 'uuid', description: 'An opaque id: send back exactly what you received.' });
export const IdParams = <K extends string>(name: K) =>
  Type.Object({ [name]: Id } as { [P in K]: typeof Id }, { additionalProperties: false });
export const Instant = Type.String({ format: 'date-time' });
export const NullableInstant = Type.Union([Instant, Type.Null()]);
export const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM in the venue zone' });
/** A person-readable name: trimmed by the service, never empty, never a novel. */
export const Name = Type.String({ minLength: 1, maxLength: 120 });

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
