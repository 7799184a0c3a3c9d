/**
 * Same-time priority lanes (lower runs first). SimPy's two lanes: process starts and interrupts
 * are URGENT so that they happen before ordinary events scheduled for the same instant; a model
 * may use any integer in [0, MAX_PRIORITY] for its own same-time order.
 */
export const PRIORITY_URGENT = 0;
export const PRIORITY_NORMAL = 1;
