/** The coordinator app's routes and how they map to `location.hash`. */

export type RouteName = 'home' | 'admin';

/** `#/admin` (and `#/admin/`) is administration; anything else is home. */
export function parseHash(hash: string): RouteName {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  return path === '/admin' ? 'admin' : 'home';
}

export const hrefFor = (route: RouteName): string => (route === 'admin' ? '#/admin' : '#/');
