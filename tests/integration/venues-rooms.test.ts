/**
 * Venues and rooms (docs/api.md "Venues and rooms"): who may see and change them, validation that names the
 * field, path ids that are checked before they reach the database, and the live `room.updated` event.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, eventually, liveClient, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

interface Venue { id: string; name: string; timezone: string; opensAt: string; closesAt: string }
interface Room { id: string; venueId: string; name: string; kind: string; capacity: number }

describe.runIf(storageAvailable)('venues and rooms', () => {
  let t: TestApp;
  let admin: string;
  let venue: Venue;
  let other: Venue;
  let coordinator: string;
  let outsider: string;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string | null, payload?: unknown) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const venuesInDb = async () => t.database.db.selectFrom('venues').select(['id', 'name', 'timezone']).orderBy('id').execute();
  const roomsInDb = async () => t.database.db.selectFrom('rooms').select(['id', 'venueId', 'name', 'kind', 'capacity']).orderBy('id').execute();
  const createRoom = async (venueId: string, body: object, cookie = admin) => {
    const response = await req('POST', `/api/venues/${venueId}/rooms`, cookie, body);
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { room: Room }).room;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venue = (await createVenue(t, admin, 'Main centre')) as Venue;
    other = (await createVenue(t, admin, 'River branch')) as Venue;
    coordinator = (await signIn(t, 'coordinator', [venue.id])).cookie;
    outsider = (await signIn(t, 'coordinator', [other.id])).cookie;
  });
  afterAll(async () => t?.close());

  it('creates, lists, reads and updates venues', async () => {
    const created = await req('POST', '/api/venues', admin, { name: '  Lakeside hall ', timezone: 'Asia/Urumqi', opensAt: '07:30', closesAt: '20:00' });
    expect(created.statusCode, created.body).toBe(201);
    const { venue: lake } = created.json() as { venue: Venue };
    expect(lake).toEqual({ id: expect.any(String), name: 'Lakeside hall', timezone: 'Asia/Urumqi', opensAt: '07:30', closesAt: '20:00' });
    expect(venue.timezone).toBe('Asia/Shanghai');

    const list = await req('GET', '/api/venues', admin);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { venues: Venue[] }).venues.map((v) => v.id)).toEqual(expect.arrayContaining([venue.id, other.id, lake.id]));
    expect((await req('GET', `/api/venues/${lake.id}`, admin)).json()).toEqual({ venue: lake });

    const patched = await req('PATCH', `/api/venues/${lake.id}`, admin, { name: 'Lakeside centre', timezone: 'Asia/Shanghai' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toEqual({ venue: { ...lake, name: 'Lakeside centre', timezone: 'Asia/Shanghai' } });
    expect((await req('GET', `/api/venues/${lake.id}`, admin)).json()).toEqual({ venue: { ...lake, name: 'Lakeside centre', timezone: 'Asia/Shanghai' } });
  });

  it('shows coordinators only their own venues', async () => {
    const list = await req('GET', '/api/venues', coordinator);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { venues: Venue[] }).venues.map((v) => v.id)).toEqual([venue.id]);
    expect((await req('GET', `/api/venues/${venue.id}`, coordinator)).statusCode).toBe(200);
    expectError(await req('GET', `/api/venues/${other.id}`, coordinator), 403, 'forbidden');
    expectError(await req('GET', '/api/venues', null), 401, 'unauthenticated');
  });

  it('lets only admins create or change venues', async () => {
    const before = await venuesInDb();
    expectError(await req('POST', '/api/venues', coordinator, { name: 'Coordinator venue' }), 403, 'forbidden');
    expectError(await req('PATCH', `/api/venues/${venue.id}`, coordinator, { name: 'Renamed by coordinator' }), 403, 'forbidden');
    expectError(await req('POST', '/api/venues', null, { name: 'Anonymous venue' }), 401, 'unauthenticated');
    expect(await venuesInDb()).toEqual(before);
  });

  it('refuses a time zone that does not exist, naming timezone', async () => {
    const before = await venuesInDb();
    expectError(await req('POST', '/api/venues', admin, { name: 'Nowhere', timezone: 'Mars/Olympus' }), 400, 'validation_failed', 'timezone');
    expectError(await req('PATCH', `/api/venues/${venue.id}`, admin, { timezone: 'Beijing' }), 400, 'validation_failed', 'timezone');
    expect(await venuesInDb()).toEqual(before);
  });

  it('refuses a venue name already used, whatever its case: 409 duplicate', async () => {
    const before = await venuesInDb();
    expectError(await req('POST', '/api/venues', admin, { name: 'main CENTRE' }), 409, 'duplicate');
    expectError(await req('PATCH', `/api/venues/${other.id}`, admin, { name: 'Main Centre' }), 409, 'duplicate');
    expect(await venuesInDb()).toEqual(before);
  });

  it('creates and lists rooms', async () => {
    const room = await createRoom(venue.id, { name: 'Court 1', kind: 'gateball_court', capacity: 30 });
    expect(room).toEqual({ id: expect.any(String), venueId: venue.id, name: 'Court 1', kind: 'gateball_court', capacity: 30 });
    const byCoordinator = await createRoom(venue.id, { name: 'Calligraphy room', kind: 'classroom', capacity: 20 }, coordinator);
    const list = await req('GET', `/api/venues/${venue.id}/rooms`, coordinator);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { rooms: Room[] }).rooms).toEqual(expect.arrayContaining([room, byCoordinator]));
    expect((await req('GET', `/api/venues/${other.id}/rooms`, admin)).json()).toEqual({ rooms: [] });
  });

  it('refuses invalid rooms, naming the field, and creates nothing', async () => {
    const good = { name: 'Table tennis hall', kind: 'table_tennis', capacity: 40 };
    const cases: Array<[object, string]> = [
      [{ ...good, kind: 'swimming_pool' }, 'kind'],
      [{ ...good, capacity: 0 }, 'capacity'],
      [{ ...good, capacity: 2.5 }, 'capacity'],
      [{ kind: good.kind, capacity: good.capacity }, 'name'],
      [{ ...good, name: '' }, 'name'],
      [{ ...good, colour: 'blue' }, 'colour'],
    ];
    const before = await roomsInDb();
    for (const [body, field] of cases) expectError(await req('POST', `/api/venues/${venue.id}/rooms`, admin, body), 400, 'validation_failed', field);
    expect(await roomsInDb()).toEqual(before);
  });

  it('refuses a room name already used in the venue: 409 duplicate', async () => {
    await createRoom(venue.id, { name: 'Dance studio', kind: 'studio', capacity: 25 });
    const before = await roomsInDb();
    expectError(await req('POST', `/api/venues/${venue.id}/rooms`, admin, { name: 'dance STUDIO', kind: 'hall', capacity: 5 }), 409, 'duplicate');
    expect(await roomsInDb()).toEqual(before);
    // The same name in another venue is fine.
    await createRoom(other.id, { name: 'Dance studio', kind: 'studio', capacity: 25 });
  });

  it('keeps a coordinator of another venue out of this venue’s rooms', async () => {
    const room = await createRoom(venue.id, { name: 'Exhibition corridor', kind: 'exhibition', capacity: 50 });
    const before = await roomsInDb();
    expectError(await req('GET', `/api/venues/${venue.id}/rooms`, outsider), 403, 'forbidden');
    expectError(await req('POST', `/api/venues/${venue.id}/rooms`, outsider, { name: 'Intruder room', kind: 'other', capacity: 3 }), 403, 'forbidden');
    expectError(await req('PATCH', `/api/rooms/${room.id}`, outsider, { capacity: 1 }), 403, 'forbidden');
    expect(await roomsInDb()).toEqual(before);
  });

  it('updates a room and tells subscribers of the venue with room.updated', async () => {
    const room = await createRoom(venue.id, { name: 'Chess room', kind: 'classroom', capacity: 12 });
    const socket = await liveClient(t.url, { cookie: coordinator });
    expect(await subscribe(socket, `venue:${venue.id}`)).toMatchObject({ ok: true });

    const response = await req('PATCH', `/api/rooms/${room.id}`, coordinator, { name: 'Chess and go room', capacity: 16 });
    expect(response.statusCode, response.body).toBe(200);
    const updated = { ...room, name: 'Chess and go room', capacity: 16 };
    expect(response.json()).toEqual({ room: updated });
    const listed = (await req('GET', `/api/venues/${venue.id}/rooms`, admin)).json() as { rooms: Room[] };
    expect(listed.rooms).toContainEqual(updated);

    await eventually(() => socket.events.some((e) => e.type === 'room.updated'), 'the room.updated event');
    const event = socket.events.find((e) => e.type === 'room.updated')!;
    expect(event).toMatchObject({ topic: `venue:${venue.id}`, type: 'room.updated', data: { room: updated } });
    socket.disconnect();
  });

  it('refuses invalid room updates and changes nothing', async () => {
    const room = await createRoom(venue.id, { name: 'Music room', kind: 'studio', capacity: 10 });
    expectError(await req('PATCH', `/api/rooms/${room.id}`, admin, { kind: 'sauna' }), 400, 'validation_failed', 'kind');
    expectError(await req('PATCH', `/api/rooms/${room.id}`, admin, { capacity: -1 }), 400, 'validation_failed', 'capacity');
    expectError(await req('PATCH', `/api/rooms/${room.id}`, admin, { venueId: other.id }), 400, 'validation_failed', 'venueId');
    expectError(await req('PATCH', `/api/rooms/${room.id}`, admin, {}), 400, 'validation_failed');
    expectError(await req('PATCH', `/api/rooms/${room.id}`, admin, { name: 'Chess and go room' }), 409, 'duplicate');
    expect(await t.database.db.selectFrom('rooms').select(['id', 'venueId', 'name', 'kind', 'capacity']).where('id', '=', room.id).executeTakeFirst()).toEqual(room);
  });

  it('answers 400 for an id that is not a uuid, and 404 not_found for an unknown one', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/venues/not-a-uuid', undefined],
      ['GET', '/api/venues/123/rooms', undefined],
      ['POST', '/api/venues/zzz/rooms', { name: 'X', kind: 'hall', capacity: 1 }],
      ['PATCH', '/api/venues/1%27%20or%201=1', { name: 'X' }],
      ['PATCH', '/api/rooms/not-a-uuid', { capacity: 2 }],
    ] as const) {
      expectError(await req(method, url, admin, body), 400, 'validation_failed', /^(venueId|roomId)$/);
    }
    const unknown = randomUUID();
    const before = await roomsInDb();
    expectError(await req('GET', `/api/venues/${unknown}`, admin), 404, 'not_found');
    expectError(await req('GET', `/api/venues/${unknown}/rooms`, admin), 404, 'not_found');
    expectError(await req('PATCH', `/api/venues/${unknown}`, admin, { name: 'Ghost' }), 404, 'not_found');
    expectError(await req('POST', `/api/venues/${unknown}/rooms`, admin, { name: 'Ghost room', kind: 'hall', capacity: 5 }), 404, 'not_found');
    expectError(await req('PATCH', `/api/rooms/${unknown}`, admin, { capacity: 5 }), 404, 'not_found');
    expect(await roomsInDb()).toEqual(before);
  });
});
