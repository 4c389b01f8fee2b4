/** Hash routing without a library: `#/` home, `#/admin` administration. */

import { hrefFor, parseHash, type RouteName } from './routes.ts';

export type { RouteName };

export class Router {
  route = $state<RouteName>(parseHash(typeof location === 'undefined' ? '' : location.hash));
  /** The whole hash, for what depends on more than the route (routes.ts isRefereePad). */
  hash = $state(typeof location === 'undefined' ? '' : location.hash);

  start(): () => void {
    const update = () => {
      this.route = parseHash(location.hash);
      this.hash = location.hash;
    };
    update();
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }

  go(route: RouteName): void {
    location.hash = hrefFor(route);
  }
}
