/**
 * Audit entries as words a person reads: the action, what it was about, and each changed field as
 * "field: before → after". Pure (the translator and the name lookups are passed in), so it is tested in node.
 * Everything returned is plain text; the page renders it as text, never as HTML.
 */
import type { AuditEntry, FieldChange } from './types.ts';

/** A translation, or null when the dictionary has no such key (then the raw value is shown). */
export type Lookup = (key: string, params?: Record<string, string | number>) => string | null;

export interface AuditNames {
  lookup: Lookup;
  /** An instant in the venue's (or the browser's) zone. */
  instant: (iso: string) => string;
  venue: (id: string) => string;
  room: (id: string) => string;
  /** A tournament participant's name, where the page knows it (newer entries carry the names). */
  participant?: (id: string) => string | null;
  /** A match entry's two sides' names, side 1 first, to say whose score is whose. */
  sides?: readonly [string, string];
}

export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
  erased: boolean;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export const actionLabel = (action: string, names: Pick<AuditNames, 'lookup'>): string => names.lookup(`audit.action.${action}`) ?? action;

/** The engine's match keys (G:A-R1-1, R2-1, K1-2, K3P, W1-1, L2-1, GF1) in the words people use. */
function matchKeyText(key: string, lookup: AuditNames['lookup'], rounds: number): string | null {
  let m = /^G:([A-Z]+)-R(\d+)-(\d+)$/.exec(key);
  if (m) return lookup('tourn.match.group', { group: m[1]!, round: Number(m[2]), n: Number(m[3]) });
  if ((m = /^R(\d+)-(\d+)$/.exec(key))) return lookup('tourn.match.roundRobin', { round: Number(m[1]), n: Number(m[2]) });
  if (key === 'K3P') return lookup('tourn.round.thirdPlace');
  if ((m = /^K(\d+)-(\d+)$/.exec(key))) {
    const [round, n] = [Number(m[1]), Number(m[2])];
    const fromEnd = rounds - round;
    if (rounds === 0 || fromEnd < 0) return lookup('tourn.match.knockout', { round, n });
    if (fromEnd === 0) return lookup('tourn.round.final');
    if (fromEnd === 1) return lookup('tourn.match.semi', { n });
    if (fromEnd === 2) return lookup('tourn.match.quarter', { n });
    return lookup('tourn.match.roundOf', { k: 2 ** fromEnd, size: 2 ** (fromEnd + 1), n });
  }
  if ((m = /^W(\d+)-(\d+)$/.exec(key))) return lookup('tourn.match.winners', { round: Number(m[1]), n: Number(m[2]) });
  if ((m = /^L(\d+)-(\d+)$/.exec(key))) return lookup('tourn.match.losers', { round: Number(m[1]), n: Number(m[2]) });
  if (key === 'GF1') return lookup('tourn.round.grandFinal');
  if (key === 'GF2') return lookup('tourn.round.grandFinalReset');
  return null;
}

/** "比赛 · 春季门球赛 · A 组第 1 轮第 1 场": the label's match key (after the last " · ") said in words. */
function matchEntityLabel(entry: AuditEntry, lookup: AuditNames['lookup']): string {
  const label = entry.entity.label ?? '';
  const at = label.lastIndexOf(' · ');
  if (at === -1) return label;
  const rounds = typeof entry.details.knockoutRounds === 'number' ? entry.details.knockoutRounds : 0;
  const words = matchKeyText(label.slice(at + 3), lookup, rounds);
  return words ? `${label.slice(0, at)} · ${words}` : label;
}

/** "预约 · 太极拳"; a removed member's entries say only that (their name is erased). */
export function entityText(entry: AuditEntry, names: Pick<AuditNames, 'lookup'>): string {
  const kind = names.lookup(`audit.entity.${entry.entity.kind}`) ?? entry.entity.kind;
  if (entry.entity.kind === 'match' && entry.entity.label) return `${kind} · ${matchEntityLabel(entry, names.lookup)}`;
  if (entry.entity.label) return `${kind} · ${entry.entity.label}`;
  if (entry.entity.kind === 'member') return names.lookup('audit.removedMember') ?? kind;
  return kind;
}

function resultText(value: unknown, names: AuditNames): string | null {
  const text = scoreText(value, names);
  const walkover = typeof value === 'object' && value !== null && 'walkover' in value;
  // "李秀英 6:11, 6:11 王建华": the score between the names it belongs to (a walkover names its winner).
  return text !== null && names.sides && !walkover ? `${names.sides[0]} ${text} ${names.sides[1]}` : text;
}

function scoreText(value: unknown, names: AuditNames): string | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  const pairs = (list: unknown) => (Array.isArray(list) ? list.map((g) => (Array.isArray(g) ? g.join(':') : String(g))).join(', ') : '');
  if (Array.isArray(r.games)) return pairs(r.games);
  if (Array.isArray(r.score)) return r.score.join(':');
  if (Array.isArray(r.balls)) return r.balls.map((side) => (Array.isArray(side) ? side.reduce((a: number, b: unknown) => a + Number(b), 0) : 0)).join(':');
  if (Array.isArray(r.rubbers)) return r.rubbers.map((rubber) => pairs((rubber as { games?: unknown }).games)).join(' / ');
  if (typeof r.walkover === 'string') return names.lookup('audit.walkover', { id: participantName(r.walkover, names) }) ?? `W/O ${r.walkover}`;
  return null;
}

/** A participant by name when known, else the start of the id (a removed entry). */
function participantName(id: string, names: AuditNames): string {
  return names.participant?.(id) ?? id.slice(0, 8);
}

/**
 * Fields of terms and classes whose empty value is a rule, not a blank: no age bound or category limit, no
 * payment deadline, no renewal window.
 */
const EMPTY_MEANS: Readonly<Record<string, string>> = {
  minAgeFemale: 'audit.value.noLimit',
  minAgeMale: 'audit.value.noLimit',
  maxAge: 'audit.value.noLimit',
  categories: 'audit.value.noLimit',
  payUntil: 'audit.value.noDeadline',
  renewFrom: 'audit.value.noRenewal',
  renewUntil: 'audit.value.noRenewal',
};

/** An amount in fen (1/100 yuan) as yuan: "300.00 元". */
function moneyText(cents: number, lookup: Lookup): string {
  const amount = (cents / 100).toFixed(2);
  return lookup('audit.value.yuan', { amount }) ?? amount;
}

/** One value of a field, in words. */
export function valueText(field: string, value: unknown, names: AuditNames): string {
  if (field === 'winnerId' && (value === null || value === undefined)) return names.lookup('audit.value.noWinner') ?? '—';
  if (field === 'lotOrder' && (value === null || value === undefined)) return names.lookup('audit.value.notRecorded') ?? '—';
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return names.lookup(Object.hasOwn(EMPTY_MEANS, field) ? EMPTY_MEANS[field]! : 'audit.value.empty') ?? '—';
  }
  switch (field) {
    case 'roomId':
      return typeof value === 'string' ? names.room(value) : String(value);
    case 'venueId':
      return typeof value === 'string' ? names.venue(value) : String(value);
    case 'venueIds':
      return Array.isArray(value) ? value.map((id) => names.venue(String(id))).join('、') : String(value);
    case 'disabled':
      return (value ? names.lookup('audit.value.yes') : names.lookup('audit.value.no')) ?? String(value);
    case 'role':
      return names.lookup(`role.${String(value)}`) ?? String(value);
    case 'status':
      return names.lookup(`audit.status.${String(value)}`) ?? String(value);
    case 'category':
      return names.lookup(`members.category.${String(value)}`) ?? String(value);
    case 'gender':
      return names.lookup(`members.gender.${String(value)}`) ?? String(value);
    case 'result':
      return resultText(value, names) ?? JSON.stringify(value);
    case 'winnerId':
      return participantName(String(value), names);
    case 'lotOrder':
      return Array.isArray(value) ? value.map((id, i) => `${i + 1} ${participantName(String(id), names)}`).join('、') : String(value);
    case 'categories':
    case 'priorityCategories':
      return Array.isArray(value) ? value.map((c) => names.lookup(`members.category.${String(c)}`) ?? String(c)).join('、') : String(value);
    case 'feeCents':
    case 'amountCents':
      return typeof value === 'number' ? moneyText(value, names.lookup) : String(value);
    case 'minAgeFemale':
    case 'minAgeMale':
    case 'maxAge':
      return names.lookup('audit.value.age', { age: String(value) }) ?? String(value);
    case 'offerHours':
      return names.lookup('audit.value.hours', { hours: String(value) }) ?? String(value);
  }
  if (field === 'kind' && typeof value === 'string') return names.lookup(`booking.kind.${value}`) ?? names.lookup(`device.kind.${value}`) ?? value;
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? names.instant(value) : value;
  return JSON.stringify(value);
}

/**
 * The order fields are shown in (the database keeps JSON keys in its own order): what a person looks for
 * first. Fields not listed follow in alphabetical order.
 */
export const FIELD_ORDER = [
  'title', 'name', 'username', 'start', 'end', 'roomId', 'kind', 'expectedCount', 'notes', 'rrule', 'status',
  'memberNo', 'cardCode', 'phone', 'category', 'gender', 'birthMonth', 'formerUnit', 'formerPosition', 'pin',
  'role', 'venueIds', 'disabled', 'result', 'winnerId', 'lotOrder',
  // Terms and classes: what, then when, then who may enrol.
  'course', 'teacher', 'level', 'capacity', 'feeCents', 'renewFrom', 'renewUntil', 'applyFrom', 'applyUntil', 'payUntil', 'offerHours',
  'classesPerMember', 'choicesPerApplication', 'priorityCategories', 'minAgeFemale', 'minAgeMale', 'maxAge', 'categories',
  'venueId',
];

const rank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

export const byFieldOrder = (a: string, b: string): number => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** The participants' names an entry carries (`details.names`), before what the page knows. */
function withEntryNames(entry: AuditEntry, names: AuditNames): AuditNames {
  const carried = entry.details.names;
  if (typeof carried !== 'object' || carried === null) return names;
  const known = carried as Record<string, unknown>;
  const [one, two, ...more] = Object.values(known);
  const sides = entry.entity.kind === 'match' && more.length === 0 && typeof one === 'string' && typeof two === 'string' ? { sides: [one, two] as const } : {};
  return {
    ...names,
    ...sides,
    participant: (id) => (typeof known[id] === 'string' ? (known[id] as string) : (names.participant?.(id) ?? null)),
  };
}

export function changeLines(entry: AuditEntry, given: AuditNames): ChangeLine[] {
  const names = withEntryNames(entry, given);
  return Object.entries(entry.changes).sort(([a], [b]) => byFieldOrder(a, b)).map(([field, change]: [string, FieldChange]) => ({
    field,
    label: names.lookup(`audit.field.${field}`) ?? field,
    from: valueText(field, change.from, names),
    to: valueText(field, change.to, names),
    erased: change.erased === true,
  }));
}

/** A published seed hash, short enough for a line and long enough to compare with the one on the notice board. */
const hashText = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

/**
 * The enrolment entries' details (server/modules/enrolment/audit-entries.ts) and a PIN's: the window and mode of a
 * new term, the class a class entry is about, a draw's public number and outcome, a redo's reason, a payment's
 * receipt, what a withdrawn place was. Only what is there is said: an older entry may lack a field.
 */
function enrolmentNotes(entry: AuditEntry, names: Pick<AuditNames, 'lookup' | 'instant'>): string[] {
  const d = entry.details;
  const { lookup } = names;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const num = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const notes: string[] = [];
  const say = (key: string, params: Record<string, string | number>, fallback: string) => notes.push(lookup(key, params) ?? fallback);
  switch (entry.action) {
    case 'term.created': {
      const mode = str('mode');
      if (mode) notes.push(lookup(`audit.term.mode.${mode}`) ?? mode);
      const from = str('applyFrom');
      const to = str('applyUntil');
      if (from && to) say('audit.term.window', { from: names.instant(from), to: names.instant(to) }, `${from} – ${to}`);
      break;
    }
    case 'term.class_created':
    case 'term.class_updated': {
      const name = str('class');
      const capacity = num('capacity');
      if (name) say(capacity === null ? 'audit.term.class' : 'audit.term.classSeats', { name, capacity: capacity ?? '' }, name);
      break;
    }
    case 'term.drawn': {
      const round = num('round');
      const publicNumber = str('publicNumber');
      if (round !== null) say('audit.term.round', { round }, `#${round}`);
      if (publicNumber !== null) say('audit.term.publicNumber', { number: publicNumber }, publicNumber);
      const [applications, admitted, waitlisted] = [num('applications'), num('admitted'), num('waitlisted')];
      if (applications !== null && admitted !== null && waitlisted !== null) {
        say('audit.term.outcome', { applications, admitted, waitlisted }, `${applications}: ${admitted} / ${waitlisted}`);
      }
      break;
    }
    case 'term.redrawn': {
      const round = num('round');
      const reason = str('reason');
      const removed = num('removedPlacements');
      if (round !== null) say('audit.term.voided', { round }, `#${round}`);
      if (reason) say('audit.term.reason', { reason }, reason);
      if (removed !== null) say('audit.term.removed', { count: removed }, String(removed));
      break;
    }
    case 'placement.withdrawn': {
      const from = str('from');
      if (from) say('audit.placement.was', { status: lookup(`audit.status.${from}`) ?? from }, from);
      break;
    }
    case 'placement.paid': {
      const receipt = str('receiptNo');
      const amount = num('amountCents');
      if (receipt) say('audit.placement.receipt', { receipt }, receipt);
      if (amount !== null) notes.push(moneyText(amount, lookup));
      break;
    }
    case 'member.pin_issued': {
      const ended = num('sessionsEnded');
      if (ended) say('audit.pin.sessionsEnded', { count: ended }, String(ended));
      break;
    }
  }
  // A term's published seed hash (when made, and the new one after a redo): the fingerprint people check the draw by.
  const published = str('published');
  if (published && entry.action.startsWith('term.')) say('audit.term.published', { hash: hashText(published) }, hashText(published));
  return notes;
}

/** Context worth a short note: how many bookings a series change touched, the line of an import, a draw's outcome. */
export function detailText(entry: AuditEntry, names: Pick<AuditNames, 'lookup' | 'instant'>): string {
  const d = entry.details;
  const notes: string[] = [];
  if (d.via === 'import' && typeof d.line === 'number') notes.push(names.lookup('audit.viaImport', { line: d.line }) ?? `import ${d.line}`);
  if (typeof d.count === 'number' && d.count > 1) notes.push(names.lookup('audit.more', { count: d.count }) ?? String(d.count));
  // Pairing paused or resumed: how many wrong pairing codes that hour (pairing-limits.ts).
  if (typeof d.failedAttempts === 'number') notes.push(names.lookup('audit.failedPairings', { count: d.failedAttempts }) ?? String(d.failedAttempts));
  notes.push(...enrolmentNotes(entry, names));
  return notes.join(' · ');
}
