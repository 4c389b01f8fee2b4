/**
 * socket.io attached to Fastify's HTTP server. Connections authenticate like HTTP requests (device token in
 * `auth.token`, else the staff or the member session cookie); anything else is refused. Clients only ever
 * `subscribe` and `unsubscribe`; writes go over HTTP, and events come from the dispatcher.
 */
import { Server, type Socket } from 'socket.io';
import type { FastifyInstance } from 'fastify';
import { Compile } from 'typebox/compile';
import { AppError } from '../errors.ts';
import { isForeignOrigin, MEMBER_SESSION_COOKIE, resolvePrincipal, SESSION_COOKIE } from '../http/authenticate.ts';
import type { DeviceCache } from '../http/device-cache.ts';
import type { Principal } from '../modules/auth/principal.ts';
import { watchDeviceSocket } from '../modules/devices/presence.ts';
import type { Dispatcher, DispatchSink, Subscriber } from './dispatcher.ts';
import {
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type ClientToServerEvents,
  batchRoom,
  type LiveEvent,
  type ServerToClientEvents,
  type SubscribeAck,
} from './protocol.ts';
import { deviceRoom, forDevices, framesForDevices } from './device-view.ts';
import { privateRoom, roomToClose, SYSTEM_TOPIC, type DispatchedEvent } from './system-events.ts';
import type { TopicRegistry } from './topic-access.ts';

interface SocketData {
  principal: Principal;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const checkSubscribe = Compile(SubscribeRequestSchema);
const checkUnsubscribe = Compile(UnsubscribeRequestSchema);

export function createSocketServer(app: FastifyInstance): LiveServer {
  return new Server(app.server, {
    serveClient: false,
    // Subscriptions are tiny; nothing large ever travels client → server.
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
}

/** Emits dispatched events into this process's rooms, and carries out system events. */
export function socketSink(io: LiveServer, devices?: DeviceCache): DispatchSink {
  return {
    broadcast(events: readonly DispatchedEvent[]) {
      // Consecutive events of one topic go to its batch subscribers as one frame (one write per socket).
      let run: LiveEvent[] = [];
      const flushRun = () => {
        if (run.length > 0) {
          const room = batchRoom(run[0]!.topic);
          io.to(room).emit('events', run);
          io.to(deviceRoom(room)).emit('events', [...framesForDevices(run)]);
        }
        run = [];
      };
      for (const dispatched of events) {
        if (dispatched.topic === SYSTEM_TOPIC) {
          if (dispatched.type === 'device.revoked') devices?.forgetDevice(String((dispatched.data as { deviceId?: unknown }).deviceId));
          const room = roomToClose(dispatched);
          if (room) io.in(room).disconnectSockets(true);
          continue;
        }
        const event = dispatched as LiveEvent;
        io.to(event.topic).emit('event', event);
        io.to(deviceRoom(event.topic)).emit('event', forDevices(event));
        if (run.length > 0 && run[0]!.topic !== event.topic) flushRun();
        run.push(event);
      }
      flushRun();
    },
  };
}

export function wireSocketServer(app: FastifyInstance, io: LiveServer, dispatcher: Dispatcher, topics: TopicRegistry): void {
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown };
      const token = typeof auth.token === 'string' && auth.token.length > 0 ? auth.token : null;
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const sessionToken = token ? null : (cookies[SESSION_COOKIE] ?? null);
      const memberSessionToken = token ? null : (cookies[MEMBER_SESSION_COOKIE] ?? null);
      if ((sessionToken || memberSessionToken) && isForeignOrigin(socket.handshake.headers.origin, socket.handshake.headers.host)) {
        return next(new Error('forbidden'));
      }
      const principal = await resolvePrincipal(app.database.db, { token, sessionToken, memberSessionToken }, app.deviceCache);
      if (!principal) return next(new Error('unauthenticated'));
      socket.data.principal = principal;
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? error.code : 'unavailable'));
    }
  });

  io.on('connection', (socket: LiveSocket) => {
    const principal = socket.data.principal;
    if (principal.kind === 'device') void socket.join(privateRoom.device(principal.deviceId));
    if (principal.kind === 'device') watchDeviceSocket(app.database.db, principal.deviceId, socket);
    // A member's session id is a uuid of its own table: its `session.revoked` (sign-out, a new PIN, the sweep) closes it.
    else if (principal.kind === 'member') void socket.join(privateRoom.session(principal.sessionId));
    else void socket.join([privateRoom.session(principal.sessionId), privateRoom.user(principal.userId)]);

    // One per subscription: a batch subscription joins the topic's batch room instead of the topic's own, and
    // a kiosk or screen the device variant of either, which gets events as devices may see them.
    const isDevice = principal.kind === 'device';
    const roomsOf = (topic: string) => {
      const rooms = [topic, batchRoom(topic)];
      return isDevice ? rooms.map(deviceRoom) : rooms;
    };
    const subscriberFor = (batch: boolean): Subscriber => ({
      get connected() {
        return socket.connected;
      },
      send: (event) => socket.emit('event', isDevice ? forDevices(event) : event),
      join: (topic) => {
        const [single, batched] = roomsOf(topic) as [string, string];
        void socket.leave(batch ? single : batched);
        void socket.join(batch ? batched : single);
      },
    });

    socket.on('subscribe', async (request, ack) => {
      if (typeof ack !== 'function') return;
      if (!checkSubscribe.Check(request)) {
        return ack({ ok: false, code: 'validation_failed', message: 'subscribe needs {topic: "venue:ID" | "tournament:ID", after?: seq}.' });
      }
      try {
        const access = await topics.authorize(principal, request.topic);
        if (access !== 'ok') {
          const message = access === 'forbidden' ? 'You may not follow this topic.' : 'There is no such topic.';
          return ack({ ok: false, code: access, message } satisfies SubscribeAck);
        }
        ack(await dispatcher.subscribe(subscriberFor(request.batch === true), request.topic, request.after));
      } catch (error) {
        app.log.warn({ err: error }, 'subscribe failed');
        ack({ ok: false, code: 'service_unavailable', message: 'The server could not subscribe you right now; try again.' });
      }
    });

    socket.on('unsubscribe', (request, ack) => {
      if (!checkUnsubscribe.Check(request)) {
        if (typeof ack === 'function') ack({ ok: false, code: 'validation_failed', message: 'unsubscribe needs {topic}.' });
        return;
      }
      for (const room of roomsOf(request.topic)) void socket.leave(room);
      if (typeof ack === 'function') ack({ ok: true });
    });
  });
}
