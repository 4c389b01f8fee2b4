/**
 * Events on the `system` topic are for server processes, not clients (the topic pattern of protocol.ts
 * refuses to subscribe to it). They carry security decisions to every process through the same outbox as
 * everything else: revoking a device or ending a session closes its sockets wherever they are connected.
 */
import { SYSTEM_TOPIC } from './topics.ts';
import type { LiveEvent } from './protocol.ts';

export { SYSTEM_TOPIC };

/** Private socket.io rooms each socket joins on connection, so a process can find it by who it is. */
export const privateRoom = {
  device: (deviceId: string) => `internal:device:${deviceId}`,
  session: (sessionId: string) => `internal:session:${sessionId}`,
  user: (userId: string) => `internal:user:${userId}`,
};

/** The events of the `system` topic, by type (the apps' events are protocol.ts LiveEventMap). */
export interface SystemEventMap {
  'device.revoked': { deviceId: string };
  'session.revoked': { sessionId: string };
  'user.disabled': { userId: string };
}
export type SystemEventType = keyof SystemEventMap;

/** A numbered `system` event as the dispatcher reads it. */
export type SystemEvent = {
  [T in SystemEventType]: { seq: number; topic: typeof SYSTEM_TOPIC; type: T; data: SystemEventMap[T]; at: string };
}[SystemEventType];

/** What the dispatcher reads from the outbox: an app's event or a system event. */
export type DispatchedEvent = LiveEvent | SystemEvent;

/** The room whose sockets must be closed for a system event, or null for an unknown event. */
export function roomToClose(event: { type: string; data: unknown }): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  // Rows are written by the typed `emit`, but an old row (or a newer process's new type) must not crash us.
  const id = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  switch (event.type as SystemEventType) {
    case 'device.revoked':
      return id('deviceId') && privateRoom.device(id('deviceId')!);
    case 'session.revoked':
      return id('sessionId') && privateRoom.session(id('sessionId')!);
    case 'user.disabled':
      return id('userId') && privateRoom.user(id('userId')!);
    default:
      return null;
  }
}
