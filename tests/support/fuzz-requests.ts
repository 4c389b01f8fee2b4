/**
 * One fuzzed request per run: who sends it, which ids, what query, body and headers. Every request made here
 * must be refused (or be a read): see the variants in `requestArbitrary`.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import {
  brokenBody, CONTENT_TYPES, encodeHostile, nastyHeaders, nastyQuery, nastySegment, nastyString, nastyValue, numericString, RAW_BODIES,
  refusedBody, UNPARSABLE_BODIES,
} from './fuzz-arbitraries.ts';
import type { FuzzWorld } from './fuzz-fixture.ts';
import { SPECS, type RouteSpec } from './fuzz-routes.ts';

/** `member`: a member signed in on the phone pages, who may call the enrolment routes for themselves. */
export type Caller = 'admin' | 'kiosk' | 'member' | 'anonymous' | 'forged';
const CALLERS: readonly Caller[] = ['admin', 'kiosk', 'member', 'anonymous', 'forged'];
function credentials(world: FuzzWorld, caller: Caller): Record<string, string> {
  if (caller === 'admin') return { cookie: world.adminCookie };
  if (caller === 'kiosk') return { authorization: `Bearer ${world.kioskToken}` };
  if (caller === 'member') return { cookie: world.memberCookie };
  if (caller === 'forged') return { authorization: 'Bearer forged-token-that-was-never-issued', cookie: 'centre_ops_session=forged; member_session=forged' };
  return {};
}

/** The URL of a route with each `:param` replaced by a segment. */
function urlOf(path: string, segments: Record<string, string>, query: string): string {
  const url = path.replace(/:([A-Za-z]+)/g, (_, name: string) => segments[name] ?? 'missing');
  return query ? `${url}?${query}` : url;
}

export interface Fuzzed {
  caller: Caller;
  /** 'real' uses the fixture's ids (only with a broken body or query); otherwise every param is hostile. */
  ids: 'real' | 'hostile';
  segments: Record<string, string>;
  query: string;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; value: string | Buffer } | { kind: 'none' };
  contentType: string | null;
  headers: Record<string, string>;
}

export function requestArbitrary(key: string, world: FuzzWorld): fc.Arbitrary<Fuzzed> {
  const [method, path] = key.split(' ') as [string, string];
  const spec: RouteSpec = SPECS[key] ?? { noInput: true };
  const paramNames = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const hostileSegments = fc.record(Object.fromEntries(paramNames.map((n) => [n, nastySegment])) as Record<string, fc.Arbitrary<string>>);
  const realSegments = Object.fromEntries(paramNames.map((n) => [n, world[spec.params?.[n] ?? 'venueId']]));
  const canHaveBody = method !== 'GET' && method !== 'DELETE';

  // A body that is always refused, whatever the ids: broken JSON, a lone value, or a broken object.
  const json = (value: unknown) => ({ kind: 'json' as const, value });
  const badBodies: fc.Arbitrary<Fuzzed['body']>[] = [
    fc.constantFrom(...RAW_BODIES).map((value) => ({ kind: 'raw' as const, value })),
    spec.body ? brokenBody(spec.body(world)).map(json) : fc.constant({ kind: 'raw' as const, value: '{"unterminated": ' }),
    fc.oneof(nastyString, fc.array(nastyValue, { maxLength: 3 }), fc.constant(null)).map(json),
  ];
  if (spec.body && spec.refuse) badBodies.push(refusedBody(spec.body(world), spec.refuse(world)).map(json), refusedBody(spec.body(world), spec.refuse(world)).map(json));
  if (spec.body && spec.readOnly) badBodies.push(refusedBody(spec.body(world), {}).map(json), nastyValue.map(json));
  const badBody = fc.oneof(...badBodies);
  // Any body at all: used where the ids are hostile, so nothing can be found to change.
  const anyBody: fc.Arbitrary<Fuzzed['body']> = fc.oneof(
    badBody,
    nastyValue.map((value) => ({ kind: 'json' as const, value })),
    fc.constant({ kind: 'none' as const }),
  );
  const validQuery = spec.query ? spec.query(world) : '';
  const brokenQuery = nastyQuery.map((q) => [validQuery, q, 'zzz=1'].filter(Boolean).join('&'));

  // Mostly the admin, who passes every access check, so that requests reach validation and the services.
  const caller = fc.oneof({ weight: 5, arbitrary: fc.constant<Caller>('admin') }, { weight: 3, arbitrary: fc.constantFrom(...CALLERS) });
  const contentType = fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
  // The route's own valid headers, unless a hostile one of the same name replaces them.
  const validHeaders = spec.headers?.() ?? {};
  const headers = fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: nastyHeaders }).map((h) => ({ ...validHeaders, ...h }));

  if (spec.csv) {
    return fc.record({
      caller,
      ids: fc.constant('hostile' as const),
      segments: fc.constant({}),
      query: fc.oneof(fc.constant(''), nastyQuery),
      body: fc.oneof(csvWithoutNameColumn.map((value) => ({ kind: 'raw' as const, value })), badBody),
      contentType: fc.constantFrom('text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel', 'application/json', 'text/csv; charset=gbk', 'multipart/form-data; boundary=x'),
      headers,
    });
  }

  const hostileIds: fc.Arbitrary<Fuzzed> = fc.record({
    caller,
    ids: fc.constant('hostile' as const),
    segments: hostileSegments,
    query: fc.oneof(fc.constant(validQuery), nastyQuery),
    body: canHaveBody ? anyBody : fc.constant({ kind: 'none' as const }),
    contentType,
    headers,
  });
  const variants: fc.Arbitrary<Fuzzed>[] = [];
  // With hostile ids every request is refused, unless the route has no ids at all.
  if (paramNames.length > 0 || !canHaveBody || method === 'GET') variants.push(hostileIds);
  // Real ids (or a route without ids) and a body that must be refused.
  if (canHaveBody && !spec.noInput) {
    variants.push(
      fc.record({
        caller,
        ids: fc.constant('real' as const),
        segments: fc.constant(realSegments),
        query: fc.oneof(fc.constant(''), nastyQuery),
        body: badBody,
        contentType: fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
        headers,
      }),
    );
  }
  // A GET changes nothing whatever it asks: its own query with hostile values.
  if (method === 'GET' && validQuery) {
    const pairs = validQuery.split('&').map((p) => p.split('=') as [string, string]);
    variants.push(
      fc.record({
        caller,
        ids: fc.constant('real' as const),
        segments: fc.constant(realSegments),
        query: fc.array(fc.tuple(fc.nat({ max: pairs.length - 1 }), fc.oneof(nastyString, numericString)), { minLength: 1, maxLength: 2 }).map((changes) => {
          const values = pairs.map(([k, v]) => [k, v] as [string, string]);
          for (const [i, value] of changes) values[i]![1] = encodeHostile(value).slice(0, 3000);
          return values.map(([k, v]) => `${k}=${v}`).join('&');
        }),
        body: fc.constant({ kind: 'none' as const }),
        contentType: fc.constant(null),
        headers,
      }),
    );
  }
  // Real ids and a broken query (a GET, or a DELETE whose query schema refuses the unknown key).
  if (method === 'GET' || spec.query) {
    variants.push(
      fc.record({
        caller,
        ids: fc.constant('real' as const),
        segments: fc.constant(realSegments),
        query: brokenQuery,
        body: fc.constant({ kind: 'none' as const }),
        contentType: fc.constant(null),
        headers,
      }),
    );
  }
  // A route that acts on its ids alone and has no ids (logout): only transport failures.
  if (spec.noInput && paramNames.length === 0) {
    variants.length = 0;
    variants.push(
      fc.record({
        caller,
        ids: fc.constant('real' as const),
        segments: fc.constant({}),
        query: fc.oneof(fc.constant(''), nastyQuery),
        body: fc.constantFrom(...UNPARSABLE_BODIES).map((value) => ({ kind: 'raw' as const, value })),
        contentType: fc.constant('application/json'),
        headers,
      }),
    );
  }
  return fc.oneof(...variants);
}

/** CSV text with no name column (so the importer must refuse it), in several encodings and shapes. */
const csvWithoutNameColumn: fc.Arbitrary<string | Buffer> = fc
  .tuple(fc.array(fc.array(nastyString, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<BufferEncoding>)
  .map(([rows, encoding]) => {
    const text = rows.map((cells) => cells.map((c) => c.replace(/name|姓名|名字|fullname/gi, '').slice(0, 200)).join(',')).join('\r\n');
    return Buffer.from(text, encoding);
  });

export function toInject(key: string, fuzzed: Fuzzed, world: FuzzWorld): InjectOptions {
  const [method, path] = key.split(' ') as [InjectOptions['method'], string];
  const headers: Record<string, string> = { ...fuzzed.headers, ...credentials(world, fuzzed.caller) };
  let payload: string | Buffer | undefined;
  if (fuzzed.body.kind === 'json') payload = JSON.stringify(fuzzed.body.value) ?? 'null';
  if (fuzzed.body.kind === 'raw') payload = fuzzed.body.value;
  if (payload !== undefined && fuzzed.contentType !== null) headers['content-type'] = fuzzed.contentType;
  return { method, url: urlOf(path, fuzzed.segments, fuzzed.query), headers, ...(payload === undefined ? {} : { payload }) };
}
