/**
 * Kiosks and displays. Staff create a device and get a single-use 8-digit pairing code valid for 10 minutes;
 * the tablet trades it for a bearer token. Only hashes of both are stored. Revoking takes effect at once:
 * the token stops working, and a `system` outbox event makes every process close the device's sockets.
 */
import type { Kysely } from 'kysely';
import type { DB, Device } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../errors.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { deviceCreated, devicePaired, deviceRevoked } from '../audit/entries.ts';
import { requireUser, userOfVenue, type Principal } from '../auth/principal.ts';
import { hashSecret, newDeviceToken, newPairingCode, normalisePairingCode } from '../auth/tokens.ts';
import { findVenue } from '../venues/queries.ts';
import { isOnline } from './presence.ts';
import * as q from './queries.ts';
import type { CreateDeviceInput, DeviceDto } from './schemas.ts';

export const PAIRING_TTL_MS = 10 * 60 * 1000;

type DeviceRow = Pick<Device, 'id' | 'kind' | 'venueId' | 'name' | 'pairedAt' | 'revokedAt' | 'pairingExpiresAt' | 'lastSeenAt' | 'createdAt'>;

function statusOf(d: DeviceRow, now = Date.now()): DeviceDto['status'] {
  if (d.revokedAt) return 'revoked';
  if (d.pairedAt) return 'paired';
  return d.pairingExpiresAt && d.pairingExpiresAt.getTime() > now ? 'awaiting_pairing' : 'pairing_expired';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDevice(d: DeviceRow): DeviceDto {
  return {
    id: d.id,
    kind: d.kind,
    venueId: d.venueId,
    name: d.name,
    status: statusOf(d),
    pairingExpiresAt: iso(d.pairingExpiresAt),
    pairedAt: iso(d.pairedAt),
    revokedAt: iso(d.revokedAt),
    lastSeenAt: iso(d.lastSeenAt),
    online: isOnline(d.lastSeenAt, d.revokedAt !== null),
    createdAt: d.createdAt.toISOString(),
  };
}

export async function listDevices(db: Kysely<DB>, principal: Principal | null, venueId?: string) {
  const user = requireUser(principal);
  if (venueId) userOfVenue(user, venueId);
  const scope = venueId ? [venueId] : user.role === 'admin' ? 'all' : user.venueIds;
  return (await q.listDevices(db, scope)).map((d) => toDevice(d));
}

export async function createDevice(db: Kysely<DB>, principal: Principal | null, input: CreateDeviceInput) {
  if (!(await findVenue(db, input.venueId))) throw new AppError('validation_failed', 'The chosen venue does not exist.', { field: 'venueId' });
  const user = userOfVenue(principal, input.venueId);
  // A clash with another pending code is astronomically rare but possible: draw again.
  for (let attempt = 0; ; attempt += 1) {
    const pairingCode = newPairingCode();
    try {
      const device = await write(db, async ({ trx, audit }) => {
        const row = toDevice(
          await q.insertDevice(trx, {
            kind: input.kind,
            venueId: input.venueId,
            name: input.name.trim(),
            pairingCodeHash: hashSecret(pairingCode),
            pairingExpiresAt: new Date(Date.now() + PAIRING_TTL_MS),
            createdBy: user.userId,
          }),
        );
        await audit(user, deviceCreated(row));
        return row;
      });
      return { device, pairingCode };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function pairDevice(db: Kysely<DB>, pairingCode: string) {
  const code = normalisePairingCode(pairingCode);
  const token = newDeviceToken();
  // The device itself is the actor: pairing is the tablet's act, with the code staff gave it.
  const device = /^\d{8}$/.test(code)
    ? await write(db, async ({ trx, audit }) => {
        const claimed = await q.claimPairingCode(trx, hashSecret(code), hashSecret(token));
        if (claimed) await audit({ kind: 'device', id: claimed.id, name: claimed.name }, devicePaired(toDevice(claimed)));
        return claimed;
      })
    : undefined;
  if (!device) {
    throw new AppError('not_found', 'This pairing code is not valid: it may be mistyped, used already, or older than 10 minutes. Ask staff for a new one.', {
      field: 'pairingCode',
    });
  }
  return { token, device: toDevice(device) };
}

export async function revokeDevice(db: Kysely<DB>, principal: Principal | null, deviceId: string): Promise<void> {
  const existing = await q.findDevice(db, deviceId);
  if (!existing) throw notFound('The device');
  const user = userOfVenue(principal, existing.venueId);
  await write(db, async ({ trx, emit, audit }) => {
    const revoked = await q.revokeDevice(trx, deviceId);
    if (revoked) emit({ topic: SYSTEM_TOPIC, type: 'device.revoked', data: { deviceId } });
    if (revoked) await audit(user, deviceRevoked(existing, statusOf(existing)));
  });
}
