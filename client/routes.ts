/** The coordinator app's routes and how they map to `location.hash`. */

export type RouteName = 'home' | 'admin' | 'members' | 'account' | 'tournaments' | 'referee' | 'audit' | 'reports' | 'enrolment';

/**
 * `#/admin` (and `#/admin/`) is administration, `#/members` the members, `#/account` the user's own account, `#/audit` the audit log (admins), `#/reports` the reports (admins, coordinators), `#/tournaments…` and `#/referee…` the
 * tournament pages (which read the rest of the hash themselves: tournaments/paths.ts), `#/enrolment…` the academic
 * office's term enrolment (招生报名; enrolment/paths.ts); anything else is home.
 */
export function parseHash(hash: string): RouteName {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/members') return 'members';
  if (path === '/account') return 'account';
  if (path === '/audit') return 'audit';
  if (path === '/reports') return 'reports';
  if (/^\/tournaments(?:[/?]|$)/.test(path)) return 'tournaments';
  if (/^\/referee(?:[/?]|$)/.test(path)) return 'referee';
  if (/^\/enrolment(?:[/?]|$)/.test(path)) return 'enrolment';
  return path === '/admin' ? 'admin' : 'home';
}

export const hrefFor = (route: RouteName): string => (route === 'home' ? '#/' : `#/${route}`);

/**
 * `#/referee/TID/MID`: the referee's scoring pad, which covers the whole screen (the app header too) and so
 * shows the connection badge itself (tournaments/paths.ts has the full grammar of these paths).
 */
export function isRefereePad(hash: string): boolean {
  return /^#?\/referee\/[^/?]+\/[^/?]+/.test(hash);
}

/** `#/enrolment/TID/draw`: the public draw on a hall's projector, which covers the whole screen (the app header too). */
export function isDrawProjector(hash: string): boolean {
  return /^#?\/enrolment\/[^/?]+\/draw\/?(?:\?|$)/.test(hash);
}
