import { sql, type Transaction } from 'kysely';
import type { DB, DeviceKind } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

const deviceColumns = [
  'devices.id',
  'devices.kind',
  'devices.venueId',
  'devices.name',
  'devices.pairedAt',
  'devices.revokedAt',
  'devices.pairingExpiresAt',
  'devices.lastSeenAt',
  'devices.createdAt',
] as const;

/** Revoked devices are found too, so the answer can say "revoked" rather than "unknown". */
export function findDeviceByToken(db: Executor, tokenHash: string) {
  return db.selectFrom('devices').select([...deviceColumns]).where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export function listDevices(db: Executor, venueIds: readonly string[] | 'all') {
  let query = db.selectFrom('devices').select([...deviceColumns]).orderBy('devices.createdAt', 'desc');
  if (venueIds !== 'all') {
    if (venueIds.length === 0) return Promise.resolve([]);
    query = query.where('devices.venueId', 'in', venueIds);
  }
  return query.execute();
}

export function findDevice(db: Executor, id: string) {
  return db.selectFrom('devices').select([...deviceColumns]).where('id', '=', id).executeTakeFirst();
}

export function insertDevice(
  db: Executor,
  device: { kind: DeviceKind; venueId: string; name: string; pairingCodeHash: string; pairingExpiresAt: Date; createdBy: string | null },
) {
  return db.insertInto('devices').values(device).returning([...deviceColumns]).executeTakeFirstOrThrow();
}

/**
 * Use a pairing code: in one statement, so two tablets racing with the same code cannot both win.
 * The code is cleared, so it is single-use.
 */
export function claimPairingCode(db: Executor, codeHash: string, tokenHash: string) {
  return db
    .updateTable('devices')
    .set({ tokenHash, pairingCodeHash: null, pairingExpiresAt: null, pairedAt: sql`now()`, lastSeenAt: sql`now()` })
    .where('pairingCodeHash', '=', codeHash)
    .where('pairingExpiresAt', '>', sql<Date>`now()`)
    .where('revokedAt', 'is', null)
    .returning([...deviceColumns])
    .executeTakeFirst();
}

export function revokeDevice(db: Transaction<DB>, id: string) {
  return db
    .updateTable('devices')
    .set({ revokedAt: sql`now()`, pairingCodeHash: null, pairingExpiresAt: null })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returning([...deviceColumns])
    .executeTakeFirst();
}

/** The device is there now (its socket connected, beat or closed: devices/presence.ts). */
export function markDeviceSeen(db: Executor, id: string) {
  return db.updateTable('devices').set({ lastSeenAt: sql`now()` }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

/** At most one write a minute per device: a busy kiosk should not write on every request. */
export function touchDevice(db: Executor, id: string) {
  return db
    .updateTable('devices')
    .set({ lastSeenAt: sql`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastSeenAt', 'is', null), eb('lastSeenAt', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

/** When pairing was last paused (the system's audit entry) within the hour that began at `since`. */
export async function lastPairingPause(db: Executor, since: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('auditLog')
    .select('at')
    .where('action', '=', 'device.pairing_paused')
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? row.at : null;
}
