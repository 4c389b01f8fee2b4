/**
 * The import() of each page's code, each a chunk of its own. Kept free of Svelte so that the entry (main.ts)
 * can start the current page's download before the shell's code has arrived (pages.ts wraps these for App).
 */
import type { RouteName } from './routes.ts';

export const pageImports = {
  home: () => import('./HomePage.svelte'),
  account: () => import('./AccountPage.svelte'),
  members: () => import('./members/MembersPage.svelte'),
  tournaments: () => import('./tournaments/TournamentsSection.svelte'),
  reports: () => import('./reports/ReportsPage.svelte'),
  enrolment: () => import('./enrolment/EnrolmentSection.svelte'),
  audit: () => import('./audit/AuditPage.svelte'),
  admin: () => import('./admin/AdminPage.svelte'),
};

export type PageName = keyof typeof pageImports;

/** The page a route shows (the referee's pages are the tournaments section). */
export const pageOf = (route: RouteName): PageName => (route === 'referee' ? 'tournaments' : route);
