/** The coordinator app's routes and how they map to `location.hash`. */

export type RouteName = 'home' | 'admin' | 'members';

/** `#/admin` (and `#/admin/`) is administration, `#/members` the members; anything else is home. */
export function parseHash(hash: string): RouteName {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/members') return 'members';
  return path === '/admin' ? 'admin' : 'home';
}

export const hrefFor = (route: RouteName): string => (route === 'home' ? '#/' : `#/${route}`);
