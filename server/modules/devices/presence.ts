/**
 * Whether a kiosk or display is there: "last seen" is written when it makes a request (http/authenticate.ts,
 * at most once a minute) and, since a hall display lives on its socket and hardly ever asks anything over
 * HTTP, when its socket connects, every minute while it stays connected, and when it disconnects. A device
 * seen within ONLINE_WINDOW_MS counts as online: with a heartbeat a minute apart, a connected device is
 * never older than that, on whichever server process its socket is.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { markDeviceSeen } from './queries.ts';

export const HEARTBEAT_MS = 60_000;
export const ONLINE_WINDOW_MS = 150_000;

export function isOnline(lastSeenAt: Date | null, revoked: boolean, now = Date.now()): boolean {
  return !revoked && lastSeenAt !== null && now - lastSeenAt.getTime() < ONLINE_WINDOW_MS;
}

/** Records the device as seen while `socket` is connected (a socket.io socket, or anything with `on('disconnect')`). */
export function watchDeviceSocket(db: Kysely<DB>, deviceId: string, socket: { on(event: 'disconnect', listener: () => void): unknown }): void {
  // A lost write only makes "last seen" a minute older; it never fails the connection.
  const seen = () => void markDeviceSeen(db, deviceId).catch(() => undefined);
  seen();
  const timer = setInterval(seen, HEARTBEAT_MS);
  timer.unref();
  socket.on('disconnect', () => {
    clearInterval(timer);
    seen();
  });
}
