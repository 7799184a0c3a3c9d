/**
 * The same-time order of simulation events (MODEL.md §9), as engine lanes (lower first); within
 * a lane, events run by user index (the engine's entity order):
 *
 *   1. gain changes (a block of fading/mobility),
 *   2. reallocation epochs (so the policy sees the gains in force),
 *   3. phase completions, by user index,
 *   4. phase starts, by user index (so a phase starting now reads the allocation of an epoch now,
 *      and every completion at this instant has been accounted first).
 */
export const GAIN_LANE = 0;
export const EPOCH_LANE = 1;
export const COMPLETION_LANE = 2;
export const START_LANE = 3;
