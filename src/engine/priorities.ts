/**
 * Same-time lanes of the engine's own events (lower runs first). SimPy's two lanes: process
 * starts and interrupts are URGENT so that they happen before ordinary events scheduled for the
 * same instant. A model declares its own lanes (any non-negative integer) for its kinds of event.
 */
export const LANE_URGENT = 0;
export const LANE_NORMAL = 1;
