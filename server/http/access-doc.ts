/**
 * The authorization matrix as a Markdown table, for docs/security.md. access.test.ts checks that the page
 * holds exactly this table, so the document cannot drift from the code: after changing access.ts, run
 * `npx tsx server/http/access-doc.ts` and paste its output over the old table.
 */
import { ACCESS, TOPIC_ACCESS, type Caller, type RouteAccess, type VenueSource } from './access.ts';

/** Every kind of caller, one column each: staff by role, devices by kind, and a member signed in on the phone pages. */
const HEADERS = ['admin', 'coordinator', 'referee', 'kiosk', 'display', 'member'] as const satisfies readonly Caller[];

function venueText(venue: VenueSource): string {
  if (venue === null) return '—';
  if ('resource' in venue) return `the ${venue.resource}’s`;
  return `\`${venue.field}\` in ${venue.in}${venue.optional ? ' (optional: all of theirs)' : ''}`;
}

function cells(access: RouteAccess): string[] {
  if (access.allow === 'anyone') return HEADERS.map(() => 'anyone');
  const allowed: readonly string[] = access.allow;
  return HEADERS.map((caller) => (allowed.includes(caller) ? '✓' : ''));
}

export function accessTable(): string {
  const lines = [
    `| Route | ${HEADERS.join(' | ')} | Venue | Why |`,
    `| --- | ${HEADERS.map(() => ':-:').join(' | ')} | --- | --- |`,
  ];
  for (const [key, access] of Object.entries(ACCESS) as Array<[string, RouteAccess]>) {
    const venue = venueText(access.venue) + (access.feedKey ? '; or the feed’s `?key=`' : '');
    lines.push(`| \`${key}\` | ${cells(access).join(' | ')} | ${venue} | ${access.why} |`);
  }
  for (const [kind, access] of Object.entries(TOPIC_ACCESS)) {
    const allowed: readonly string[] = access.allow;
    lines.push(`| socket topic \`${kind}:ID\` | ${HEADERS.map((c) => (allowed.includes(c) ? '✓' : '')).join(' | ')} | ${access.venue} | ${access.why} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${accessTable()}\n`);
