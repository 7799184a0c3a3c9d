/**
 * The trace contract (README "Files other tools read"): one typed record per layer, transfer (uplink, download, migration), handover, solve wait, step,
 * gain block and epoch, the union that the emitters build and both trace writers read. A field
 * named `batch` is the user's step index (the trace's name for it, kept for the tools that read
 * traces); times are simulated seconds, `t` the time the record is emitted (the end of a slice).
 * Key order is the order of the JSONL fields, so build records in the order declared here.
 */
import type { StepRecord } from '../metrics.ts';
import type { EpochRecord } from '../epochs.ts';

/** A layer of a user's local phase, on its own GPU. */
export interface LocalLayerRecord {
  t: number;
  type: 'layer';
  user: number;
  layer: number;
  side: 'local';
  batch: number;
  startS: number;
  energyJ: number;
}

/** A layer of a user's edge phase, on server `server`'s GPU. */
export interface EdgeLayerRecord {
  t: number;
  type: 'layer';
  user: number;
  server: number;
  layer: number;
  side: 'edge';
  batch: number;
  startS: number;
  energyJ: number;
}

/** The activations' uplink transfer; `energyJ` is the user's transmit energy. */
export interface UplinkRecord {
  t: number;
  type: 'uplink';
  user: number;
  server: number;
  batch: number;
  startS: number;
  bits: number;
  energyJ: number;
}

/** The gradients' download (`gradientDownload`); `energyJ` is the server's transmit energy. */
export interface DownloadRecord {
  t: number;
  type: 'download';
  user: number;
  server: number;
  batch: number;
  startS: number;
  bits: number;
  energyJ: number;
}

/** Layers moving after a split change (re-planning costs): `layers` of them, to reach `localLayers`. */
export interface MigrationRecord {
  t: number;
  type: 'migration';
  user: number;
  batch: number;
  startS: number;
  layers: number;
  localLayers: number;
  bits: number;
  energyJ: number;
}

/** A user joining server `server` after `from` (re-planning costs), before its uplink. */
export interface HandoverRecord {
  t: number;
  type: 'handover';
  user: number;
  from: number;
  server: number;
  batch: number;
  startS: number;
}

/** A decision of epoch `epoch` (made at `startS`) that changed `user`'s allocation goes into force
 *  after its solve time (re-planning costs): the user waited t − startS for it. */
export interface SolveRecord {
  t: number;
  type: 'solve';
  user: number;
  epoch: number;
  startS: number;
}

/** A completed training step, with every component of its delay and energy (and, with
 *  re-planning costs on, the migration's and the handover's). */
export type StepTraceRecord = { t: number; type: 'step' } & StepRecord & { batch: number } & {
    migrationDelayS?: number;
    migrationEnergyJ?: number;
    handoverDelayS?: number;
  };

/** A fading/mobility block: the gain of each user to its associated server, in user order. */
export interface GainRecord {
  t: number;
  type: 'gain';
  block: number;
  gains: number[];
}

export type EpochTraceRecord = { t: number; type: 'epoch' } & EpochRecord;

export type SimTraceRecord =
  | LocalLayerRecord
  | EdgeLayerRecord
  | UplinkRecord
  | DownloadRecord
  | MigrationRecord
  | HandoverRecord
  | SolveRecord
  | StepTraceRecord
  | GainRecord
  | EpochTraceRecord;

/** Where the simulation's records go; null when nobody listens (tracing then costs one test). */
export type TraceOut = ((record: SimTraceRecord) => void) | null;
