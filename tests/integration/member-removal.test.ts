/**
 * Removing a member (docs/security.md "Audit log and privacy"): admin only; the row is kept but anonymised, so
 * visits still count in reports while the person is gone from search, lookups and check-in. The copies of their
 * name elsewhere (tournament entries, past live events, audit entries of results) are erased too:
 * member-erasure-copies.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageAvailable } from '../support/database.ts';
import { createVenue, pairDevice, signIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectError } from '../support/expect-error.ts';

describe.runIf(storageAvailable)('member removal', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let venueId: string;
  let kiosk: string;

  const checkIn = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/checkins',
      headers: { authorization: `Bearer ${kiosk}`, 'idempotency-key': randomUUID() },
      payload: { venueId, ...body },
    });
  const remove = (id: string, cookie: string) => t.app.inject({ method: 'DELETE', url: `/api/members/${id}`, headers: { cookie } });
  const row = (id: string) => t.database.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const visitsOf = async (id: string) =>
    Number((await t.database.db.selectFrom('visits').select(t.database.db.fn.countAll().as('n')).where('memberId', '=', id).executeTakeFirstOrThrow()).n);
  const search = async (q: string) =>
    ((await t.app.inject({ method: 'GET', url: `/api/members?q=${encodeURIComponent(q)}`, headers: { cookie: admin } })).json() as { members: Array<{ id: string }> }).members;

  let memberId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await signIn(t, 'admin')).cookie;
    venueId = (await createVenue(t, admin)).id;
    coordinator = (await signIn(t, 'coordinator', [venueId])).cookie;
    kiosk = (await pairDevice(t, admin, venueId, 'kiosk')).token;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: { cookie: admin },
      payload: { name: '张秀兰', memberNo: 'M-0042', cardCode: 'ZX0042', phone: '13912345678', category: 'retired', gender: 'female', birthMonth: '1948-05', formerUnit: '市财政局', formerPosition: '科长', notes: '腿脚不便' },
    });
    expect(created.statusCode, created.body).toBe(201);
    memberId = (created.json() as { member: { id: string } }).member.id;
    // Two visits: one in, out, and in again (the second still open).
    const first = await checkIn({ memberCode: 'ZX0042' });
    expect(first.statusCode, first.body).toBe(201);
    const visitId = (first.json() as { visit: { id: string } }).visit.id;
    expect((await t.app.inject({ method: 'POST', url: `/api/checkins/${visitId}/checkout`, headers: { authorization: `Bearer ${kiosk}` } })).statusCode).toBe(200);
    expect((await checkIn({ memberCode: 'ZX0042' })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('a coordinator may not remove a member (403), and nothing changes', async () => {
    const before = await row(memberId);
    expectError(await remove(memberId, coordinator), 403, 'forbidden');
    expect(await row(memberId)).toEqual(before);
    expect(await search('张秀兰')).toHaveLength(1);
  });

  it('an admin removes a member: 204, personal fields cleared, visits kept', async () => {
    expect(await visitsOf(memberId)).toBe(2);

    const response = await remove(memberId, admin);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');

    const after = await row(memberId);
    expect(after).toMatchObject({
      name: '已删除会员',
      memberNo: null,
      cardCode: null,
      phone: null,
      gender: null,
      birthMonth: null,
      formerUnit: null,
      formerPosition: null,
      notes: null,
      category: 'retired',
    });
    expect(after.removedAt).not.toBeNull();
    expect(await visitsOf(memberId)).toBe(2);
  });

  it('the removed member is gone from search, lookups and check-in', async () => {
    for (const q of ['张秀兰', 'M-0042', 'ZX0042', '5678', '已删除会员']) expect(await search(q), q).toHaveLength(0);
    expectError(await t.app.inject({ method: 'GET', url: `/api/members/${memberId}`, headers: { cookie: admin } }), 404, 'not_found');
    expectError(await checkIn({ memberCode: 'ZX0042' }), 404, 'member_not_found');
    expectError(await t.app.inject({ method: 'PATCH', url: `/api/members/${memberId}`, headers: { cookie: admin }, payload: { name: '张秀兰' } }), 404, 'not_found');
  });

  it('removing again, or an unknown member, is 404 not_found', async () => {
    expectError(await remove(memberId, admin), 404, 'not_found');
    expectError(await remove(randomUUID(), admin), 404, 'not_found');
  });

  it('the card code of a removed member may be given to someone else', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/members', headers: { cookie: admin }, payload: { name: '李明', cardCode: 'ZX0042', memberNo: 'M-0042' } });
    expect(created.statusCode, created.body).toBe(201);
  });
});
