/**
 * A small site set up over HTTP on a running server process, as staff would: a venue with rooms, a
 * coordinator for it, a paired kiosk, and members with cards (inserted directly: hundreds of them).
 * Shared by the tests that kill processes or take the database away.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { httpSignIn, request, type HttpAnswer } from './processes.ts';

export interface Site {
  venueId: string;
  topic: string;
  roomIds: string[];
  adminCookie: string;
  coordinatorCookie: string;
  kioskToken: string;
  /** Card codes of members created for this site, none checked in yet. */
  memberCodes: string[];
}

function created<T>(answer: HttpAnswer, what: string): T {
  if (answer.statusCode !== 201 && answer.statusCode !== 200) throw new Error(`${what} failed: ${answer.statusCode} ${answer.body}`);
  return answer.json as T;
}

/** `databaseUrl` is a direct connection to the server's database (for the member rows). */
export async function prepareSite(
  serverUrl: string,
  databaseUrl: string,
  options: { adminPassword: string; rooms: number; members: number },
): Promise<Site> {
  const adminCookie = await httpSignIn(serverUrl, 'admin', options.adminPassword);
  const suffix = randomUUID().slice(0, 8);
  const { venue } = created<{ venue: { id: string } }>(
    await request(`${serverUrl}/api/venues`, { cookie: adminCookie, body: { name: `会场 ${suffix}` } }),
    'creating the venue',
  );
  const roomIds: string[] = [];
  for (let i = 0; i < options.rooms; i += 1) {
    const { room } = created<{ room: { id: string } }>(
      await request(`${serverUrl}/api/venues/${venue.id}/rooms`, { cookie: adminCookie, body: { name: `活动室 ${i}`, kind: 'classroom', capacity: 500 } }),
      'creating a room',
    );
    roomIds.push(room.id);
  }
  const username = `coord_${suffix}`;
  created(
    await request(`${serverUrl}/api/users`, {
      cookie: adminCookie,
      body: { username, password: 'coordinator-pass', role: 'coordinator', venueIds: [venue.id] },
    }),
    'creating the coordinator',
  );
  const coordinatorCookie = await httpSignIn(serverUrl, username, 'coordinator-pass');
  const device = created<{ pairingCode: string }>(
    await request(`${serverUrl}/api/devices`, { cookie: coordinatorCookie, body: { kind: 'kiosk', venueId: venue.id, name: '签到机' } }),
    'creating the kiosk',
  );
  const { token } = created<{ token: string }>(
    await request(`${serverUrl}/api/devices/pair`, { body: { pairingCode: device.pairingCode } }),
    'pairing the kiosk',
  );

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ card_code: string }>(
      `insert into members (name, card_code, category)
       select '会员' || g, $1 || lpad(g::text, 5, '0'), 'retired' from generate_series(1, $2::int) g
       returning card_code`,
      [`C${suffix}-`, options.members],
    );
    return {
      venueId: venue.id,
      topic: `venue:${venue.id}`,
      roomIds,
      adminCookie,
      coordinatorCookie,
      kioskToken: token,
      memberCodes: rows.rows.map((r) => r.card_code),
    };
  } finally {
    await client.end();
  }
}
