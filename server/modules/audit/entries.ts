/**
 * The entries each domain writes, built from the shapes the services already have, so that a service needs
 * one line (`await audit(principal, bookingsCreated(...))`) next to its emits. Which fields are
 * recorded is decided here, in one place: never a secret (record.ts strips them again anyway).
 */
import type { BookingDto } from '../bookings/schemas.ts';
import type { DeviceDto } from '../devices/schemas.ts';
import type { MemberDto } from '../members/schemas.ts';
import { created, diff, type AuditEntryInput } from './record.ts';

const BOOKING_FIELDS = ['roomId', 'start', 'end', 'title', 'kind', 'expectedCount', 'notes'] as const;

/** Several bookings changed at once (a series, a closure): which ones, beside the one the entry is about. */
const many = (bookings: readonly BookingDto[]) => (bookings.length > 1 ? { count: bookings.length, bookingIds: bookings.map((b) => b.id) } : {});

export function bookingsCreated(bookings: readonly BookingDto[], context: { seriesId?: string | null; rrule?: string; tournamentId?: string } = {}): AuditEntryInput {
  const first = bookings[0]!;
  return {
    action: 'booking.created',
    entity: { kind: 'booking', id: first.id, label: first.title },
    venueId: first.venueId,
    changes: { ...created(first, BOOKING_FIELDS), ...(context.rrule ? { rrule: { from: null, to: context.rrule } } : {}) },
    details: { ...(context.seriesId ? { seriesId: context.seriesId } : {}), ...(context.tournamentId ? { tournamentId: context.tournamentId } : {}), ...many(bookings) },
  };
}

export function bookingUpdated(before: BookingDto, after: BookingDto, all: readonly BookingDto[], scope: string | undefined): AuditEntryInput {
  return {
    action: 'booking.updated',
    entity: { kind: 'booking', id: after.id, label: after.title },
    venueId: after.venueId,
    changes: diff(before, after, BOOKING_FIELDS),
    details: { ...(before.seriesId ? { seriesId: before.seriesId, scope: scope ?? 'this' } : {}), ...many(all) },
  };
}

export function bookingsCancelled(target: BookingDto, cancelled: readonly BookingDto[], context: Record<string, unknown> = {}): AuditEntryInput {
  return {
    action: 'booking.cancelled',
    entity: { kind: 'booking', id: target.id, label: target.title },
    venueId: target.venueId,
    changes: { status: { from: 'confirmed', to: 'cancelled' } },
    details: { ...context, ...many(cancelled) },
  };
}

const MEMBER_FIELDS = ['name', 'memberNo', 'cardCode', 'phone', 'category', 'gender', 'birthMonth', 'formerUnit', 'formerPosition', 'notes'] as const;

export function memberCreated(member: MemberDto, details: Record<string, unknown> = {}): AuditEntryInput {
  return { action: 'member.created', entity: { kind: 'member', id: member.id, label: member.name }, changes: created(member, MEMBER_FIELDS), details };
}

export function memberUpdated(before: MemberDto, after: MemberDto): AuditEntryInput {
  return { action: 'member.updated', entity: { kind: 'member', id: after.id, label: after.name }, changes: diff(before, after, MEMBER_FIELDS) };
}

/** The removed person's name and details are not kept: the entry says only that member `id` was removed. */
export function memberRemoved(memberId: string): AuditEntryInput {
  return { action: 'member.removed', entity: { kind: 'member', id: memberId, label: null } };
}

interface MatchState {
  id: string;
  key: string;
  status: string;
  result: unknown;
  winnerId: string | null;
}

/** A result entered, or a finished one corrected (the stored result before → the one entered now). */
export function matchResult(before: MatchState, after: MatchState, entered: unknown, tournament: { id: string; name: string; venueId: string }): AuditEntryInput {
  const correction = before.status === 'done' || (before.result !== null && before.result !== undefined);
  return {
    action: correction ? 'match.result_corrected' : 'match.result_entered',
    entity: { kind: 'match', id: after.id, label: `${tournament.name} · ${after.key}` },
    venueId: tournament.venueId,
    changes: {
      result: { from: before.result ?? null, to: entered },
      ...diff(before, after, ['winnerId', 'status']),
    },
    details: { tournamentId: tournament.id },
  };
}

export interface UserState {
  id: string;
  username: string;
  role: string;
  venueIds: readonly string[];
  disabled: boolean;
}

export function userCreated(user: UserState): AuditEntryInput {
  return { action: 'user.created', entity: { kind: 'user', id: user.id, label: user.username }, changes: created(user, ['username', 'role', 'venueIds']) };
}

/** One entry per kind of change, so the log reads "disabled", "password reset" rather than one vague edit. */
export function userChanged(before: UserState, after: UserState, passwordReset: boolean, sessionsEnded: number): AuditEntryInput[] {
  const entity = { kind: 'user' as const, id: after.id, label: after.username };
  const entries: AuditEntryInput[] = [];
  const fields = diff({ ...before, venueIds: [...before.venueIds].sort() }, { ...after, venueIds: [...after.venueIds].sort() }, ['role', 'venueIds']);
  if (Object.keys(fields).length > 0) entries.push({ action: 'user.updated', entity, changes: fields });
  if (before.disabled !== after.disabled) {
    entries.push({
      action: after.disabled ? 'user.disabled' : 'user.enabled',
      entity,
      changes: { disabled: { from: before.disabled, to: after.disabled } },
      ...(after.disabled ? { details: { sessionsEnded } } : {}),
    });
  }
  if (passwordReset) entries.push({ action: 'user.password_reset', entity, details: after.disabled ? {} : { sessionsEnded } });
  return entries;
}

const DEVICE_FIELDS = ['kind', 'name', 'venueId'] as const;

export function deviceCreated(device: DeviceDto): AuditEntryInput {
  return { action: 'device.created', entity: { kind: 'device', id: device.id, label: device.name }, venueId: device.venueId, changes: created(device, DEVICE_FIELDS) };
}

export function devicePaired(device: DeviceDto): AuditEntryInput {
  return { action: 'device.paired', entity: { kind: 'device', id: device.id, label: device.name }, venueId: device.venueId, changes: { status: { from: 'awaiting_pairing', to: 'paired' } } };
}

export function deviceRevoked(device: Pick<DeviceDto, 'id' | 'name' | 'venueId'>, previousStatus: string): AuditEntryInput {
  return { action: 'device.revoked', entity: { kind: 'device', id: device.id, label: device.name }, venueId: device.venueId, changes: { status: { from: previousStatus, to: 'revoked' } } };
}
