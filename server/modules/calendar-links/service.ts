/**
 * Calendar subscription links. A calendar program (Outlook, Apple Calendar, Google Calendar) fetches a feed
 * without cookies, so a link carries a token in `?key=`. Each link is its own random token (32 bytes), shown
 * once and stored only as its sha256, owned by the user who made it, for one venue or one room. It opens the
 * feed only while it is not revoked, its owner is not disabled and its owner may still read the venue, all
 * checked at each request: the feed shows what its owner may see then. Owners list and revoke their links;
 * admins list and revoke everyone's. Making and revoking are audited (never the token).
 *
 * Who may make one: admins, and coordinators and referees for the venues assigned to them. A referee assigned
 * to no venue referees city-wide while signed in, but a link outlives the session and is not tied to a venue
 * they look after, so they make none. Devices make none either: a link would outlive a stolen device's token.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import type { AuditEntryInput } from '../audit/record.ts';
import { requireUser, type Principal, type UserPrincipal } from '../auth/principal.ts';
import { hashSecret } from '../auth/tokens.ts';
import * as q from './queries.ts';
import { LINKS_PER_USER_MAX, type CalendarLinkDto, type CreateCalendarLinkInput } from './schemas.ts';
import { feedPath, resolveTarget, type FeedTarget, type ResolvedTarget } from './target.ts';

/** 32 random bytes, base64url (43 characters): what `?key=` carries. */
export const newCalendarToken = (): string => randomBytes(32).toString('base64url');

/** Whether this user may make (and keep using) a link to this venue: assigned to it, or an admin. */
export function mayLinkVenue(user: UserPrincipal, venueId: string): boolean {
  return user.role === 'admin' || user.venueIds.includes(venueId);
}

function toDto(row: q.LinkRow): CalendarLinkDto {
  return {
    id: row.id,
    label: row.label,
    target: { kind: row.roomId ? 'room' : 'venue', venueId: row.venueId, venueName: row.venueName, roomId: row.roomId, roomName: row.roomName },
    owner: { id: row.userId, username: row.username, disabled: row.ownerDisabled },
    usable: !row.ownerDisabled && row.ownerMayRead,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

const targetOfRow = (row: Pick<q.LinkRow, 'roomId' | 'venueId'>): FeedTarget =>
  row.roomId ? { kind: 'room', id: row.roomId } : { kind: 'venue', id: row.venueId };

function auditEntry(action: 'calendar_link.created' | 'calendar_link.revoked', row: q.LinkRow): AuditEntryInput {
  return {
    action,
    entity: { kind: 'calendar_link', id: row.id, label: row.label },
    venueId: row.venueId,
    details: { owner: row.username, ownerId: row.userId, feed: row.roomId ? { roomId: row.roomId, room: row.roomName } : { venue: row.venueName } },
  };
}

async function requireLinkableTarget(db: Kysely<DB>, principal: Principal | null, target: FeedTarget): Promise<{ user: UserPrincipal; resolved: ResolvedTarget }> {
  const user = requireUser(principal);
  const resolved = await resolveTarget(db, target);
  if (!mayLinkVenue(user, resolved.venue.id)) {
    throw new AppError('forbidden', 'Only admins and the staff assigned to this venue may make calendar links for it.', {
      messageZh: '只有管理员和负责此场馆的工作人员可以为其生成日历订阅链接。',
    });
  }
  return { user, resolved };
}

/** `GET …/calendar-link`: the feed's plain URL (it opens for signed-in callers) and the caller's live links to it. */
export async function linkInfo(db: Kysely<DB>, principal: Principal | null, target: FeedTarget): Promise<{ url: string; links: CalendarLinkDto[] }> {
  const user = requireUser(principal);
  const { venue, room } = await resolveTarget(db, target);
  const rows = await q.listLinks(db, { userId: user.userId, venueId: venue.id, roomId: room?.id ?? null });
  return { url: feedPath(target), links: rows.map(toDto) };
}

/** `POST …/calendar-link`: a new link; its token is in this answer only. */
export async function createLink(
  db: Kysely<DB>,
  principal: Principal | null,
  target: FeedTarget,
  input: CreateCalendarLinkInput,
): Promise<{ link: CalendarLinkDto; token: string; url: string }> {
  const { user, resolved } = await requireLinkableTarget(db, principal, target);
  const token = newCalendarToken();
  const row = await write(db, async ({ trx, audit }) => {
    // Counted under a lock on the owner's row, so a burst of requests cannot pass the cap together.
    if ((await q.countLiveLinksLocked(trx, user.userId)) >= LINKS_PER_USER_MAX) {
      throw new AppError('conflict', `You already have ${LINKS_PER_USER_MAX} calendar links; revoke the ones you no longer use on your account page.`, {
        messageZh: `您已有 ${LINKS_PER_USER_MAX} 个日历订阅链接，请先在“我的账户”页面撤销不再使用的链接。`,
      });
    }
    const { id } = await q.insertLink(trx, {
      userId: user.userId,
      venueId: resolved.venue.id,
      roomId: resolved.room?.id ?? null,
      label: input.label.trim(),
      tokenHash: hashSecret(token),
    });
    const created = await q.findLink(trx, id);
    if (!created) throw new Error('calendar link vanished inside its own transaction');
    await audit(user, auditEntry('calendar_link.created', created));
    return created;
  });
  return { link: toDto(row), token, url: `${feedPath(target)}?key=${token}` };
}

/** The caller's own live links, newest first. */
export async function listOwnLinks(db: Kysely<DB>, principal: Principal | null): Promise<CalendarLinkDto[]> {
  const user = requireUser(principal);
  return (await q.listLinks(db, { userId: user.userId })).map(toDto);
}

/** Every user's live links, with their owners (admins only: the access table). */
export async function listAllLinks(db: Kysely<DB>): Promise<CalendarLinkDto[]> {
  return (await q.listLinks(db)).map(toDto);
}

/** Revokes a link: its owner, or an admin. Someone else's link is "not found" (its existence is not theirs to learn). */
export async function revokeLink(db: Kysely<DB>, principal: Principal | null, linkId: string): Promise<void> {
  const user = requireUser(principal);
  const missing = () => notFound('The calendar link');
  const row = await q.findLink(db, linkId);
  if (!row || (row.userId !== user.userId && user.role !== 'admin')) throw missing();
  await write(db, async ({ trx, audit }) => {
    if (!(await q.revokeLink(trx, row.id))) throw missing();
    await audit(user, auditEntry('calendar_link.revoked', row));
  });
}

/**
 * The link a feed request's `?key=` names, if it may open this feed now; else 401 (no such live link, or a
 * link to another feed: one answer, so a guess learns nothing) or 403 (its owner is disabled or may no longer
 * read the venue). Never logs or echoes the key.
 */
export async function linkForFeed(db: Kysely<DB>, key: string, target: FeedTarget): Promise<q.LinkRow> {
  const row = await q.findLinkByTokenHash(db, hashSecret(key));
  const other = row ? targetOfRow(row) : null;
  if (!row || !other || other.kind !== target.kind || other.id !== target.id) {
    throw new AppError('unauthenticated', 'This calendar link is not valid (it may have been revoked); make a new one in centre-ops.', {
      messageZh: '此日历订阅链接无效（可能已被撤销），请在系统中重新生成。',
    });
  }
  if (row.ownerDisabled || !row.ownerMayRead) {
    throw new AppError('forbidden', 'The person who made this calendar link may no longer see this venue; ask staff of the venue for a new link.', {
      messageZh: '生成此链接的用户已无权查看此场馆，请向场馆工作人员索取新链接。',
    });
  }
  await q.touchLink(db, row.id);
  return row;
}
