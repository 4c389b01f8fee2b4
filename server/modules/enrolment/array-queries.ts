/**
 * Lists as PostgreSQL arrays: sent as one JSON parameter and unpacked in SQL, so that both drivers (pg and PGlite)
 * see the same text and a list of any length is one parameter.
 */
import { sql } from 'kysely';

export const uuids = (ids: readonly string[]) => sql<string[]>`array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
export const texts = <T extends string>(values: readonly T[]) => sql<T[]>`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
