/**
 * The coordinator app's pages, each a chunk of its own shown through LazyPage.svelte. The login page stays
 * in the shell: it is the first screen of anyone not signed in.
 */
import { PageChunk } from './page-chunk.svelte.ts';
import { pageImports, pageOf } from './page-imports.ts';
import type { RouteName } from './routes.ts';

export const pages = {
  home: new PageChunk(pageImports.home),
  account: new PageChunk(pageImports.account),
  members: new PageChunk(pageImports.members),
  tournaments: new PageChunk(pageImports.tournaments),
  reports: new PageChunk(pageImports.reports),
  enrolment: new PageChunk(pageImports.enrolment),
  audit: new PageChunk(pageImports.audit),
  admin: new PageChunk(pageImports.admin),
};

/** The chunk a route shows (before permissions: App.svelte decides who sees what). */
export const chunkOf = (route: RouteName): PageChunk<unknown> => pages[pageOf(route)];
