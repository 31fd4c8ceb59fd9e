// CPU time (user + system) of a process from /proc/<pid>/stat and of the whole machine from /proc/stat (Linux only).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

const TICKS = clockTicksPerSecond();

/** Resolution of the process CPU readings, in microseconds (one clock tick, usually 10 ms). */
export const CPU_TICK_MICROS = 1e6 / TICKS;

/** utime + stime of pid in microseconds, including its already-reaped threads; undefined off Linux. */
export function readProcessCpuMicros(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and ')', so split after the last ')': field 3 (state) is then index 0.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return ((utime + stime) * 1e6) / TICKS;
}

export interface MachineCpu {
  busy: number;
  /** Interrupt and softirq time: loopback networking lands here, charged to no process. */
  interrupts: number;
  total: number;
}

/** Aggregate jiffies from /proc/stat: busy = everything but idle and iowait. */
export function readMachineCpu(): MachineCpu | undefined {
  let line: string | undefined;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  if (!line?.startsWith('cpu ')) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, interrupts: (values[5] ?? 0) + (values[6] ?? 0), total };
}
