/**
 * Events on the `system` topic are for server processes, not clients (the topic pattern of protocol.ts
 * refuses to subscribe to it). They carry security decisions to every process through the same outbox as
 * everything else: revoking a device or ending a session closes its sockets wherever they are connected.
 */
export const SYSTEM_TOPIC = 'system';

/** Private socket.io rooms each socket joins on connection, so a process can find it by who it is. */
export const privateRoom = {
  device: (deviceId: string) => `internal:device:${deviceId}`,
  session: (sessionId: string) => `internal:session:${sessionId}`,
  user: (userId: string) => `internal:user:${userId}`,
};

export type SystemEvent =
  | { type: 'device.revoked'; data: { deviceId: string } }
  | { type: 'session.revoked'; data: { sessionId: string } }
  | { type: 'user.disabled'; data: { userId: string } };

/** The room whose sockets must be closed for a system event, or null for an unknown event. */
export function roomToClose(event: { type: string; data: unknown }): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const id = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  switch (event.type) {
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
