// Resident memory of a process from /proc/<pid>/status (Linux only): VmRSS now and VmHWM, the peak since it started.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now, MiB. */
  rssMb: number;
  /** Peak resident set size since the process started ("high water mark"), MiB. */
  peakRssMb: number;
}

/** undefined off Linux or once the process is gone. */
export function readProcessMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string): number | undefined => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  };
  const rss = kb('VmRSS');
  const hwm = kb('VmHWM');
  return rss === undefined || hwm === undefined ? undefined : { rssMb: rss / 1024, peakRssMb: hwm / 1024 };
}
