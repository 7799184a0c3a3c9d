// Whether a process a test started (a policy process, a worker) has ended.
import { existsSync, readFileSync } from 'node:fs';

/** Whether process `pid` has ended (or is a zombie waiting to be reaped). */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return / Z /.test(stat.slice(stat.lastIndexOf(')')));
}

/** Whether process `pid` has ended within `ms` milliseconds. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const t0 = performance.now(); performance.now() - t0 < ms;) {
    if (processGone(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return processGone(pid);
}
