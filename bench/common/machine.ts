import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';

/** Load average, and the busiest processes by ps's %CPU (averaged over each process's lifetime, not instantaneous). */
export function loadSnapshot(): { loadavg: number[]; top: string } {
  let top = '';
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,ni,comm', '--sort=-pcpu'], { encoding: 'utf8' }).split('\n').slice(0, 6).join('\n');
  } catch {
    top = '(ps unavailable)';
  }
  return { loadavg: loadavg().map((x) => Math.round(x * 100) / 100), top };
}
