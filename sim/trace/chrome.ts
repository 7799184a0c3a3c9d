/**
 * The Chrome / Perfetto trace-event format: one track per user and one per server GPU, layers and
 * transfers as complete slices, epochs as instants. Gain changes are only in the JSONL trace (one
 * per block would swamp a timeline).
 */
import type { SimTraceRecord } from './records.ts';
import type { TextSink } from './sink.ts';
import type { TraceWriter } from './writer.ts';

const USERS_PID = 1;
const SERVERS_PID = 2;
const US_PER_S = 1e6;

export class ChromeTraceWriter implements TraceWriter {
  private first = true;
  private readonly namedTracks = new Set<string>();

  constructor(private readonly sink: TextSink) {
    sink.write('{"traceEvents":[\n');
  }

  readonly write = (record: SimTraceRecord): void => {
    for (const event of this.events(record)) {
      this.sink.write(`${this.first ? '' : ',\n'}${JSON.stringify(event)}`);
      this.first = false;
    }
  };

  end(): void {
    this.sink.write('\n]}\n');
  }

  /** Metadata naming a track the first time it is used. */
  private trackName(pid: number, tid: number): object[] {
    const key = `${pid}:${tid}`;
    if (this.namedTracks.has(key)) return [];
    this.namedTracks.add(key);
    const events: object[] = [{ ph: 'M', name: 'thread_name', pid, tid, args: { name: `${pid === USERS_PID ? 'user' : 'server GPU'} ${tid}` } }];
    if (!this.namedTracks.has(`${pid}`)) {
      this.namedTracks.add(`${pid}`);
      events.push({ ph: 'M', name: 'process_name', pid, tid, args: { name: pid === USERS_PID ? 'users' : 'edge servers' } });
    }
    return events;
  }

  private slice(name: string, pid: number, tid: number, startS: number, endS: number, args: object): object[] {
    return [...this.trackName(pid, tid), { name, ph: 'X', pid, tid, ts: startS * US_PER_S, dur: (endS - startS) * US_PER_S, args }];
  }

  private events(r: SimTraceRecord): object[] {
    switch (r.type) {
      case 'layer': {
        const [pid, tid] = r.side === 'edge' ? [SERVERS_PID, r.server] : [USERS_PID, r.user];
        return this.slice(`layer ${r.layer}`, pid, tid, r.startS, r.t, { user: r.user, batch: r.batch, energyJ: r.energyJ });
      }
      case 'uplink':
        return this.slice('uplink', USERS_PID, r.user, r.startS, r.t, { server: r.server, batch: r.batch, bits: r.bits, energyJ: r.energyJ });
      case 'download':
        return this.slice('download', USERS_PID, r.user, r.startS, r.t, { server: r.server, batch: r.batch, bits: r.bits, energyJ: r.energyJ });
      case 'step':
        return this.slice(`batch ${r.batch}`, USERS_PID, r.user, r.startS, r.t, { server: r.server, localLayers: r.localLayers });
      case 'epoch':
        return [{ name: `epoch ${r.index} (${r.trigger})`, ph: 'i', s: 'g', pid: USERS_PID, tid: 0, ts: r.t * US_PER_S, args: { objective: r.objective } }];
      case 'gain':
        return [];
    }
  }
}
