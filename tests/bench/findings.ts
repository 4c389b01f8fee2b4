/**
 * What profiling showed while meeting issue 6's goals, and what was changed, with the before/after figures
 * measured at the time (they are history: the table above is this run's). Written by hand; kept next to the
 * benchmark so that docs/performance.md, which the program rewrites, keeps them.
 */
export const findings: readonly string[] = [];
