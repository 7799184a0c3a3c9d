/**
 * The Chrome / Perfetto trace-event format (open in ui.perfetto.dev). The trace-event format needs
 * the complete slices ('X') of one track to nest or be disjoint, so every user has a track of its
 * own in each process it appears in: process "users" holds one track per user (its steps, with
 * the local layers, uplink and download inside), and each server is a process with one track per
 * user it served (that user's edge layers). A slice's name says whose it is: "user 7 layer 12".
 * Epochs are global instants; a decision going into force after its solve time is an instant on
 * each user's track whose allocation it changed. Gain changes are only in the JSONL trace (one per block would swamp
 * a timeline).
 *
 * Times are written as whole nanoseconds (microseconds with three decimals): a child and its
 * parent then round the same way, so a slice that ends when its step ends does not poke out of
 * it by a rounding error.
 */
import type { SimTraceRecord } from './records.ts';
import type { TextSink } from './sink.ts';
import type { TraceWriter } from './writer.ts';

const USERS_PID = 1;
/** Server m is process SERVER_PID_BASE + m. */
const SERVER_PID_BASE = 2;
const NS_PER_S = 1e9;

/** Nanoseconds, the integer both ends of every slice are rounded to. */
const ns = (timeS: number): number => Math.round(timeS * NS_PER_S);

export class ChromeTraceWriter implements TraceWriter {
  private first = true;
  /** Thread ids by "pid:user", assigned 1, 2, 3, … as tracks first appear: unique in the whole
   *  trace, so no viewer can mistake two tracks for one, and never 0 (Perfetto once merged tid 0
   *  with tid 1). */
  private readonly tids = new Map<string, number>();
  private readonly namedProcesses = new Set<number>();

  constructor(private readonly sink: TextSink) {
    sink.write('{"traceEvents":[\n');
  }

  readonly write = (r: SimTraceRecord): void => {
    switch (r.type) {
      case 'layer': {
        const pid = r.side === 'edge' ? SERVER_PID_BASE + r.server : USERS_PID;
        this.slice(`user ${r.user} layer ${r.layer}`, pid, r.user, r.startS, r.t, {
          step: r.batch,
          energyJ: r.energyJ,
        });
        return;
      }
      case 'uplink':
      case 'download':
        this.slice(`user ${r.user} ${r.type}`, USERS_PID, r.user, r.startS, r.t, {
          server: r.server,
          step: r.batch,
          bits: r.bits,
          energyJ: r.energyJ,
        });
        return;
      case 'migration':
        this.slice(`user ${r.user} migration`, USERS_PID, r.user, r.startS, r.t, {
          step: r.batch,
          layers: r.layers,
          bits: r.bits,
          energyJ: r.energyJ,
        });
        return;
      case 'handover':
        this.slice(`user ${r.user} handover`, USERS_PID, r.user, r.startS, r.t, {
          step: r.batch,
          from: r.from,
          server: r.server,
        });
        return;
      case 'solve':
        // An instant, not a slice: a wait spans steps and other waits without nesting in them.
        this.event({
          name: `user ${r.user} decision of epoch ${r.epoch} in force`,
          ph: 'i',
          s: 't',
          pid: USERS_PID,
          tid: this.tid(USERS_PID, r.user),
          ts: ns(r.t) / 1000,
          args: { waitS: r.t - r.startS },
        });
        return;
      case 'step':
        this.slice(`user ${r.user} step ${r.step}`, USERS_PID, r.user, r.startS, r.t, {
          server: r.server,
          localLayers: r.localLayers,
        });
        return;
      case 'epoch':
        this.event({
          name: `epoch ${r.index} (${r.trigger})`,
          ph: 'i',
          s: 'g',
          pid: USERS_PID,
          tid: this.tid(USERS_PID, -1),
          ts: ns(r.t) / 1000,
          args: { objective: r.objective },
        });
        return;
      case 'gain':
        return;
    }
  };

  end(): void {
    this.sink.write('\n]}\n');
  }

  private slice(name: string, pid: number, user: number, startS: number, endS: number, args: object): void {
    const startNs = ns(startS);
    const tid = this.tid(pid, user);
    this.event({ name, ph: 'X', pid, tid, ts: startNs / 1000, dur: (ns(endS) - startNs) / 1000, args });
  }

  /** The track of `user` (−1: the epochs' track) in process `pid`, named when first used. */
  private tid(pid: number, user: number): number {
    const key = `${pid}:${user}`;
    let tid = this.tids.get(key);
    if (tid !== undefined) return tid;
    tid = this.tids.size + 1;
    this.tids.set(key, tid);
    if (!this.namedProcesses.has(pid)) {
      this.namedProcesses.add(pid);
      const name = pid === USERS_PID ? 'users' : `server ${pid - SERVER_PID_BASE}`;
      this.event({ ph: 'M', name: 'process_name', pid, tid, args: { name } });
    }
    this.event({
      ph: 'M',
      name: 'thread_name',
      pid,
      tid,
      args: { name: user < 0 ? 'epochs' : `user ${user}` },
    });
    // Tracks are listed by user index, whatever order they first appeared in.
    this.event({ ph: 'M', name: 'thread_sort_index', pid, tid, args: { sort_index: user } });
    return tid;
  }

  private event(event: object): void {
    this.sink.write(`${this.first ? '' : ',\n'}${JSON.stringify(event)}`);
    this.first = false;
  }
}
