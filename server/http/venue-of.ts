/**
 * The venue a row belongs to, for the access check of routes that name a row rather than a venue
 * (access.ts `resource`). One primary-key lookup; an id that is not a UUID or names no row gives null, and
 * the route then answers 400 or 404 as usual.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ResourceKind } from './access.ts';
import { venueIdOf } from './venue-of-queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function venueOf(db: Kysely<DB>, kind: ResourceKind, id: unknown): Promise<string | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const row = await venueIdOf(db, kind, id);
  return row?.venueId ?? null;
}
