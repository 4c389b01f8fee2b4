/**
 * fast-check generators of hostile HTTP input for tests/integration/fuzz.test.ts: odd strings, numbers,
 * nested values, request bodies that are always refused, path segments, querystrings and headers.
 *
 * What must stay true: every body made by `brokenBody` is invalid for its route (at least one breaker is
 * applied), so a request that succeeds in the fuzz test is a real defect, not an accident of the generator.
 * Values are kept to what can cross HTTP: header values are visible Latin-1 (Node refuses others before any
 * of our code runs), and the few huge values stay under the body limit unless a case is about the limit.
 */
import fc from 'fast-check';

/** Strings a careless or hostile client sends: SQL, control and bidi characters, emoji, dates out of range. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(20),
  '\t\r\n',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '𠜎𠜱𠝹𠱓',
  'Z̴̡̪̫͖̥̔̿̃̈̏̎͘͜͝a̷̧̛̗̘̯̓̒̐l̵̢̨̟̠̝̣̭̈́g̷̡̬̲̓̈́͌o̸',
  "'; drop table venues; --",
  "' or '1'='1",
  '1; select pg_sleep(5)',
  '$1',
  '%',
  '_',
  '\\',
  '\\x00',
  '%00',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T09:00:00+08:00',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T09:00:00+25:00',
  '2026-12-01T09:00:00',
  '2026-12-01 09:00',
  '20261201T090000Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FREQ=DAILY;COUNT=999999999',
  'FREQ=SECONDLY;COUNT=100000',
  'FREQ=DAILY;UNTIL=99991231',
  'x'.repeat(201),
  '字'.repeat(10_001),
  'a'.repeat(70_000),
];

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the three bytes a careless
 * encoder would send for it (ED A0 80…): not UTF-8, as a hostile client may well send.
 */
export function encodeHostile(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const hex = (n: number) => `%${n.toString(16).toUpperCase()}`;
      out += hex(0xe0 | (cp >> 12)) + hex(0x80 | ((cp >> 6) & 0x3f)) + hex(0x80 | (cp & 0x3f));
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** What most often broke servers like this one: NUL (PostgreSQL text cannot hold it), lone surrogates, bidi marks. */
const SHARP_STRINGS = ['\u0000', 'a\u0000b', '张\u0000三', '\uD800', '\u202E', '%00', "'", '\\', '9999-12-31T23:59:59Z'];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...SHARP_STRINGS) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...SHARP_STRINGS)).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** Numbers JSON can carry that no field accepts, or accepts only at its edge. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, 1, 0.5, -0.000001, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 100_001, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Strings a lenient parser turns into numbers (Ajv coerces them where a number is expected). */
export const numericString: fc.Arbitrary<string> = fc.constantFrom('1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e3', '0x10', ' 12 ', '12abc', '', '1.5', '-0', '9007199254740993');

/** Keys that are no field of any body (prototype pollution, operators, control characters). */
export const NASTY_KEYS: readonly string[] = [
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '$where',
  '$ne',
  'x\u0000',
  '\u202E',
  '',
  ' ',
  'id',
  'createdAt',
  'role ',
  'zzz',
  'drop table users',
];
export const nastyKey: fc.Arbitrary<string> = fc.constantFrom(...NASTY_KEYS);

/** Any JSON value, hostile at every level, a few levels deep. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyKey, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A field's template and whether the route refuses the body without it. */
export interface FieldTemplate {
  value: unknown;
  required?: boolean;
}
export type BodyTemplate = Record<string, FieldTemplate>;

/**
 * Raw JSON text that can only be refused: prototype-pollution keys (secure-json-parse refuses them), broken
 * syntax, a lone value, deep nesting, and bytes that are not UTF-8 or not JSON.
 */
export const RAW_BODIES: readonly (string | Buffer)[] = [
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '{"a": {"__proto__": {"x": 1}}}',
  '{"name": "x",}',
  '{"name": "x"',
  "{'name': 'x'}",
  '{name: "x"}',
  'NaN',
  '{"capacity": NaN}',
  '{"capacity": Infinity}',
  '{"capacity": 1e999999}',
  '{"n": 0x10}',
  '"just a string"',
  '42',
  'true',
  'null',
  '[]',
  '[{"name": "x"}]',
  ' ',
  '\u0000',
  '{"name": "\\u0000"}',
  '{"name": "\\ud800"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), // {"n":"<invalid UTF-8>"}
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // BOM + {}
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16LE {}
  Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]), // overlong, surrogate, 5-byte
];

/**
 * Whether Fastify's JSON parser (secure-json-parse: BOM stripped, `__proto__` and `constructor.prototype`
 * refused) must refuse this text: only such bodies may go to routes that act without reading their body.
 */
export function unparsableJson(body: string | Buffer): boolean {
  const text = body.toString().replace(/^\uFEFF/, '');
  if (/"__proto__"\s*:|"constructor"\s*:\s*\{\s*"prototype"/.test(text)) return true;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
export const UNPARSABLE_BODIES: readonly (string | Buffer)[] = RAW_BODIES.filter(unparsableJson);

/**
 * A body for a route that takes `template`, always refused: one breaker (an unknown key, a required field
 * missing, or a field replaced by an object, which nothing can coerce to a scalar and which carries an
 * unknown key) plus any number of other fields replaced by hostile values.
 */
export function brokenBody(template: BodyTemplate): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(template);
  const required = names.filter((n) => template[n]!.required);
  const breakers: Array<fc.Arbitrary<(body: Record<string, unknown>) => void>> = [
    fc.tuple(nastyKey, nastyValue).map(([key, value]) => (body) => {
      Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
    }),
  ];
  if (names.length > 0) {
    breakers.push(
      fc.tuple(fc.constantFrom(...names), nastyKey, nastyValue).map(([name, key, value]) => (body) => {
        body[name] = Object.defineProperty({}, key, { value, enumerable: true });
      }),
    );
  }
  if (required.length > 0) breakers.push(fc.constantFrom(...required).map((name) => (body) => void delete body[name]));
  const tweaks = names.length === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.constantFrom(...names), nastyValue), { maxLength: 3 });
  return fc.tuple(fc.oneof(...breakers), tweaks).map(([breaker, changes]) => {
    const body: Record<string, unknown> = {};
    for (const name of names) body[name] = template[name]!.value;
    for (const [name, value] of changes) body[name] = value;
    breaker(body);
    return body;
  });
}

/**
 * A body that passes the schema more often than not, refused later by the service: optional fields dropped or
 * replaced by hostile values, then `refusal` applied last (a nonexistent id, a used card code, a stale version,
 * an unknown time zone…), so hostile values that the schema lets through reach the service's own checks.
 */
export function refusedBody(template: BodyTemplate, refusal: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(template).filter((n) => !(n in refusal));
  const optional = names.filter((n) => !template[n]!.required);
  // Mostly values of the field's own type, so that they pass the schema and reach the service.
  const like = (value: unknown): fc.Arbitrary<unknown> =>
    typeof value === 'string' ? fc.oneof({ weight: 4, arbitrary: nastyString }, { weight: 1, arbitrary: nastyValue })
      : typeof value === 'number' ? fc.oneof({ weight: 4, arbitrary: nastyNumber }, { weight: 2, arbitrary: numericString }, { weight: 1, arbitrary: nastyValue })
        : nastyValue;
  const change = names.length === 0 ? null : fc.constantFrom(...names).chain((name) => like(template[name]!.value).map((value) => [name, value] as const));
  const tweaks = change ? fc.array(change, { maxLength: 4 }) : fc.constant([]);
  return fc.tuple(fc.subarray(optional), tweaks).map(([dropped, changes]) => {
    const body: Record<string, unknown> = {};
    for (const name of names) if (!dropped.includes(name)) body[name] = template[name]!.value;
    for (const [name, value] of changes) body[name] = value;
    return { ...body, ...refusal };
  });
}

/** Path segments that are no id: traversal, NUL, bad percent-encoding, huge, near-UUIDs. */
export const NASTY_SEGMENTS: readonly string[] = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  'null',
  'undefined',
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '..%5C..%5C',
  '%2e%2e',
  '%00',
  'a%00b',
  '%',
  '%zz',
  '%C0%AF',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%20',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '{00000000-0000-0000-0000-000000000000}',
  '00000000000000000000000000000000',
  "'%20or%201=1--",
  '__proto__',
  'constructor',
  'a'.repeat(5000),
  '%E5%AD%97'.repeat(300),
];
export const nastySegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
  { weight: 1, arbitrary: fc.uuid().map((id) => id) },
  { weight: 1, arbitrary: nastyString.map((s) => encodeHostile(s).slice(0, 3000)) },
);

/** A querystring (without `?`): hostile keys and values, repeated keys, bracket syntax, broken encoding. */
export const nastyQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '%',
    '%zz=1',
    'a=%00',
    '__proto__[admin]=1',
    'constructor[prototype][admin]=1',
    'limit=99999999999999999999',
    'limit=-1',
    'limit=NaN',
    'limit=1e3',
    'limit=1e309',
    'limit=Infinity',
    'offset=-1e309',
    'version=1e309',
    'year=1e309',
    'weeks=Infinity',
    'offset=-5',
    'from=10000-01-01T00:00:00Z&to=10000-02-01T00:00:00Z',
    'from=2026-02-30T00:00:00Z&to=2026-03-01T00:00:00Z',
    'venueId=not-a-uuid',
    'venueId=00000000-0000-0000-0000-000000000000&venueId=00000000-0000-0000-0000-000000000001',
    'includeCancelled=maybe',
    'scope=everything',
    `q=${'a'.repeat(5000)}`,
    'q=%00',
    "q='%20or%201=1--",
    'q=%25',
    'q=_',
    `${'a=1&'.repeat(2000)}b=2`,
  ),
  fc
    .array(fc.tuple(fc.oneof(nastyKey, fc.constantFrom('venueId', 'from', 'to', 'roomId', 'q', 'limit', 'offset', 'key', 'scope', 'version')), nastyString), {
      minLength: 1,
      maxLength: 4,
    })
    .map((pairs) => pairs.map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v).slice(0, 3000)}`).join('&')),
);

export const CONTENT_TYPES: readonly string[] = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'Application/JSON',
  'application/json;;;',
  'application/jsonx',
  'application/problem+json',
  'application/vnd.api+json',
  'text/json',
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  '*/*',
  'garbage',
  ';',
];

export const ACCEPTS: readonly string[] = [
  'application/json',
  'text/csv',
  'text/calendar',
  'application/xml',
  'text/html',
  '*/*;q=0',
  'image/png',
  'garbage;;q=x',
  'application/json;q=0, text/plain;q=1',
  '',
];

/** Extra headers: odd Accept, a giant or odd Idempotency-Key, odd request ids and origins. */
export const nastyHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom(...ACCEPTS),
    'idempotency-key': fc.constantFrom('', ' ', 'a'.repeat(101), 'k'.repeat(20_000), '../../x', "'; drop table checkin_keys; --", 'not-a-uuid', '%00'),
    'x-request-id': fc.constantFrom('', 'a'.repeat(10_000), '../x', '"quoted"', 'ok-id'),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', 'x-garbage'),
    'accept-language': fc.constantFrom('zh-CN', 'xx', '*;q=abc'),
  },
  { requiredKeys: [] },
);
