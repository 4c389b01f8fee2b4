/**
 * How many cases a property or fuzz test tries. In CI (`CI=true`, which .ci/run sets for `npm test`) each test
 * runs the full count it names; on a developer's machine a quarter of it (at least 10), so the suites stay quick
 * while editing and the full search still runs before a change lands. The unit properties draw a new seed each
 * run, so the local runs still explore new cases over time.
 */
export const fullPropertyRuns = ['true', '1'].includes((process.env.CI ?? '').trim().toLowerCase());

export function propertyRuns(full: number): number {
  return fullPropertyRuns ? full : Math.max(10, Math.ceil(full / 4));
}
