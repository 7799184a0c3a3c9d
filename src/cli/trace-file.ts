/**
 * Trace files, streamed: records are formatted as they come and written in 64 KiB chunks, so
 * memory stays flat however long the run. The file is written under a temporary name and renamed
 * on `close()`; `abort()` removes it, so a failed run leaves no partial trace.
 *
 * Formats: `jsonl`, one record per line exactly as the simulation emits it; `chrome`, the Chrome /
 * Perfetto trace-event format (open in ui.perfetto.dev or chrome://tracing), one track per user
 * and one per server GPU, layers and transfers as slices, epochs as instants. Gain changes are
 * only in the JSONL trace (one per block would swamp a timeline).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TraceRecord } from '../engine/index.ts';

export type TraceFormat = 'jsonl' | 'chrome';

const CHUNK_CHARS = 64 * 1024;
const USERS_PID = 1;
const SERVERS_PID = 2;
const US_PER_S = 1e6;

export class TraceFile {
  private readonly fd: number;
  private readonly tmpPath: string;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private first = true;
  private readonly namedTracks = new Set<string>();

  constructor(private readonly path: string, private readonly format: TraceFormat) {
    this.tmpPath = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.tmpPath, 'w');
    if (format === 'chrome') this.push('{"traceEvents":[\n');
  }

  /** The listener to attach to the simulation's trace bus. */
  readonly write = (record: TraceRecord): void => {
    if (this.format === 'jsonl') this.push(`${JSON.stringify(record)}\n`);
    else for (const event of this.chromeEvents(record)) this.pushEvent(event);
  };

  close(): void {
    if (this.format === 'chrome') this.push('\n]}\n');
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmpPath, this.path);
  }

  abort(): void {
    closeSync(this.fd);
    rmSync(this.tmpPath, { force: true });
  }

  private pushEvent(event: object): void {
    this.push(`${this.first ? '' : ',\n'}${JSON.stringify(event)}`);
    this.first = false;
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.bufferedChars += text.length;
    if (this.bufferedChars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
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

  private chromeEvents(r: TraceRecord): object[] {
    const user = r.user as number;
    switch (r.type) {
      case 'layer': {
        const onEdge = r.side === 'edge';
        const [pid, tid] = onEdge ? [SERVERS_PID, r.server as number] : [USERS_PID, user];
        return this.slice(`layer ${r.layer}`, pid, tid, r.startS as number, r.t, { user, batch: r.batch, energyJ: r.energyJ });
      }
      case 'uplink':
        return this.slice('uplink', USERS_PID, user, r.startS as number, r.t, { server: r.server, batch: r.batch, bits: r.bits, energyJ: r.energyJ });
      case 'step':
        return this.slice(`batch ${r.batch}`, USERS_PID, user, r.startS as number, r.t, { server: r.server, localLayers: r.localLayers });
      case 'epoch':
        return [{ name: `epoch ${r.index} (${r.trigger})`, ph: 'i', s: 'g', pid: USERS_PID, tid: 0, ts: r.t * US_PER_S, args: { objective: r.objective } }];
      default:
        return [];
    }
  }
}
