/**
 * The bracket engine: pure functions from participants and stored results to draws, bracket state, places and
 * order of play. No database, no clock, no randomness beyond the draw's own seeded lot. See types.ts for the
 * conventions (keys, slots, results).
 */
export * from './types.ts';
export { createRng, type DrawSeed } from './rng.ts';
export { drawPositions, nextPowerOfTwo, seedLayout } from './seeding.ts';
export { drawSingleElimination, type SingleEliminationOptions } from './single.ts';
export { drawDoubleElimination, dropOrder, type DoubleEliminationOptions } from './double.ts';
export { drawRoundRobin, circlePairings, type RoundRobinOptions } from './round-robin.ts';
export { drawGroups, groupName, resolveGroupPlaces, type GroupsOptions } from './groups.ts';
export {
  drawGroupsThenKnockout, drawKnockoutFromGroups, type GroupsThenKnockoutOptions, type KnockoutFromGroupsOptions,
} from './knockout-groups.ts';
export { applyResults, recordResult, recordWinner } from './apply.ts';
export { standingsFinal } from './placing.ts';
export { nextMatches, orderOfPlay, type NextMatchesOptions } from './schedule.ts';
