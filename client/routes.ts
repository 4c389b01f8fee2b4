/** The coordinator app's routes and how they map to `location.hash`. */

export type RouteName = 'home' | 'admin' | 'members' | 'tournaments' | 'referee';

/**
 * `#/admin` (and `#/admin/`) is administration, `#/members` the members, `#/tournaments…` and `#/referee…` the
 * tournament pages (which read the rest of the hash themselves: tournaments/paths.ts); anything else is home.
 */
export function parseHash(hash: string): RouteName {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/members') return 'members';
  if (/^\/tournaments(?:[/?]|$)/.test(path)) return 'tournaments';
  if (/^\/referee(?:[/?]|$)/.test(path)) return 'referee';
  return path === '/admin' ? 'admin' : 'home';
}

export const hrefFor = (route: RouteName): string => (route === 'home' ? '#/' : `#/${route}`);
