/**
 * User mobility inside the scenario's square area: random waypoint (walk at a random speed to a
 * uniformly drawn point, then pick another) and Gauss–Markov (velocity with memory a:
 * v ← a·v + (1 − a)·v̄ + sqrt(1 − a²)·σ·w, w standard normal; reflected at the area's edges).
 * Each user draws from its own stream ('mobility', n), so users move independently and
 * reproducibly.
 */
import type { RandomStream } from '../src/random/index.ts';
import type { MobilityConfig } from './config.ts';

export interface Walker {
  xM: number;
  yM: number;
  /** Random waypoint: the target and speed. Gauss–Markov: the velocity. */
  targetX: number;
  targetY: number;
  speedMps: number;
  vx: number;
  vy: number;
}

export function newWalker(
  xM: number,
  yM: number,
  config: MobilityConfig,
  areaM: number,
  rng: RandomStream,
): Walker {
  const walker: Walker = { xM, yM, targetX: xM, targetY: yM, speedMps: 0, vx: 0, vy: 0 };
  if (config.kind === 'random-waypoint') pickWaypoint(walker, config, areaM, rng);
  if (config.kind === 'gauss-markov') {
    const heading = rng.uniform(0, 2 * Math.PI);
    const speed = meanSpeed(config);
    walker.vx = speed * Math.cos(heading);
    walker.vy = speed * Math.sin(heading);
  }
  return walker;
}

function meanSpeed(config: MobilityConfig): number {
  return (config.minSpeedMps + config.maxSpeedMps) / 2;
}

function pickWaypoint(walker: Walker, config: MobilityConfig, areaM: number, rng: RandomStream): void {
  walker.targetX = rng.uniform(0, areaM);
  walker.targetY = rng.uniform(0, areaM);
  walker.speedMps = rng.uniform(config.minSpeedMps, config.maxSpeedMps);
}

/** Moves one coordinate by `v·dt`, bouncing off the area's edges; returns the new position and
 *  velocity (negated after an odd number of bounces). */
function bounce(x: number, v: number, dtS: number, areaM: number): [number, number] {
  const period = 2 * areaM;
  const r = (((x + v * dtS) % period) + period) % period;
  return r <= areaM ? [r, v] : [period - r, -v];
}

/** Moves the walker for `dtS` seconds. */
export function move(
  walker: Walker,
  dtS: number,
  config: MobilityConfig,
  areaM: number,
  rng: RandomStream,
): void {
  if (config.kind === 'random-waypoint') {
    let leftS = dtS;
    // A long step may pass several waypoints; bounded so a zero speed cannot spin.
    for (let legs = 0; leftS > 0 && legs < 100; legs++) {
      const dx = walker.targetX - walker.xM;
      const dy = walker.targetY - walker.yM;
      const dist = Math.hypot(dx, dy);
      const reach = walker.speedMps * leftS;
      if (reach < dist) {
        walker.xM += (dx / dist) * reach;
        walker.yM += (dy / dist) * reach;
        return;
      }
      walker.xM = walker.targetX;
      walker.yM = walker.targetY;
      leftS -= walker.speedMps > 0 ? dist / walker.speedMps : leftS;
      pickWaypoint(walker, config, areaM, rng);
    }
    return;
  }
  if (config.kind === 'gauss-markov') {
    const a = config.memory;
    const sigma = meanSpeed(config) / 2;
    const keep = Math.sqrt(1 - a * a) * sigma;
    // The mean velocity points the way the user is already going, at the mean speed.
    const speed = Math.hypot(walker.vx, walker.vy) || 1;
    const meanVx = (walker.vx / speed) * meanSpeed(config);
    const meanVy = (walker.vy / speed) * meanSpeed(config);
    walker.vx = a * walker.vx + (1 - a) * meanVx + keep * rng.normal();
    walker.vy = a * walker.vy + (1 - a) * meanVy + keep * rng.normal();
    [walker.xM, walker.vx] = bounce(walker.xM, walker.vx, dtS, areaM);
    [walker.yM, walker.vy] = bounce(walker.yM, walker.vy, dtS, areaM);
  }
}
