/**
 * A TCP proxy between a server and PostgreSQL, to take "the database" away and bring it back without touching
 * the machine's shared PostgreSQL (other test files use it at the same time).
 *
 * - `down()`: stop listening (new connections are refused at once) and reset every proxied connection, both
 *   sides, as a crashed or restarted database server would look to its clients.
 * - `up()`: listen again on the same port; clients reconnect by themselves.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** `target` with its host and port replaced by the proxy's. */
  urlFor(target: string): string;
  /** Connections accepted since the start (for tests that want to see traffic went through). */
  readonly accepted: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset from either side is expected here; it must not throw in the test process.
    socket.on('error', () => socket.destroy());
  };

  const onConnection = (client: Socket) => {
    accepted += 1;
    track(client);
    const upstream = connect(targetPort, targetHost);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        port = typeof address === 'object' && address ? address.port : port;
        server = s;
        resolve();
      });
    });

  await listen();

  const down = async () => {
    const s = server;
    server = null;
    const closed = s ? new Promise<void>((resolve) => s.close(() => resolve())) : Promise.resolve();
    // RST rather than FIN: what clients see when the database host dies or its backends are killed hard.
    for (const socket of sockets) socket.resetAndDestroy();
    await closed;
  };

  return {
    get port() {
      return port;
    },
    get accepted() {
      return accepted;
    },
    urlFor(target: string) {
      const u = new URL(target);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    down,
    async up() {
      if (!server) await listen();
    },
    close: down,
  };
}
