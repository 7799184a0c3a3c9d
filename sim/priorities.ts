/**
 * The same-time order of simulation events (MODEL.md §9), as engine priorities (lower first):
 *
 *   1. gain changes (a block of fading/mobility),
 *   2. reallocation epochs (so the policy sees the gains in force),
 *   3. phase completions, by user index across the whole simulation,
 *   4. phase starts, by user index (so a phase starting now reads the allocation of an epoch now,
 *      and every completion at this instant has been accounted first).
 */
import { MAX_PRIORITY } from '../src/engine/index.ts';

export const GAIN_PRIORITY = 0;
export const EPOCH_PRIORITY = 1;
const FIRST_COMPLETION = 2;

/** The largest number of users whose completions and starts fit in the engine's priority range. */
export const MAX_SIM_USERS = Math.floor((MAX_PRIORITY - FIRST_COMPLETION + 1) / 2);

export function completionPriority(user: number): number {
  return FIRST_COMPLETION + user;
}

export function startPriority(user: number, users: number): number {
  return FIRST_COMPLETION + users + user;
}
