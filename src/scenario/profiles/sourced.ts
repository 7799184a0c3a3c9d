/**
 * A number with where it comes from. Every number of a profile is one of these: `sourced` for a
 * figure read in a datasheet, paper or measured report, `derived` for one computed from others,
 * whose source is its arithmetic (checked by test/scenario/profiles.test.ts).
 */
export interface Sourced {
  readonly value: number;
  /** The datasheet, paper or report; or `derived: <arithmetic>`. */
  readonly source: string;
}

export const sourced = (value: number, source: string): Sourced => ({ value, source });

/** Four significant digits, for arithmetic text. */
export const g4 = (x: number): string => Number(x.toPrecision(4)).toString();

/** A number computed from others; `arithmetic` shows how, and the result is appended. */
export function derived(value: number, arithmetic: string): Sourced {
  return { value, source: `derived: ${arithmetic} = ${g4(value)}` };
}

/** FLOPs per cycle per core from a marketed peak: peak / (cores × clock). */
export function flopsPerCycleOf(peak: Sourced, cores: Sourced, clock: Sourced): Sourced {
  const v = peak.value / (cores.value * clock.value);
  return derived(v, `${g4(peak.value)} FLOP/s / (${cores.value} cores × ${g4(clock.value)} Hz)`);
}

/** κ = P / f³ (the model's power law P = κ·f³ at the maximum clock). */
export function kappaOf(power: Sourced, clock: Sourced): Sourced {
  const v = power.value / clock.value ** 3;
  return derived(v, `${g4(power.value)} W / (${g4(clock.value)} Hz)³`);
}

/** A GPU's model parameters from its figures: C, D = peak/(C·f), f_max and κ = P/f³. */
export function deviceOf(cores: Sourced, clock: Sourced, peak: Sourced, power: Sourced) {
  return {
    gpuCores: cores,
    flopsPerCycle: flopsPerCycleOf(peak, cores, clock),
    maxFreqHz: clock,
    kappa: kappaOf(power, clock),
  };
}
