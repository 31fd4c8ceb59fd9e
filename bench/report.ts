// Turns bench results into the printed table, the ratio lines and the goal verdicts (pure: values in, strings out).
import type { Goal } from './targets.js';

export interface TargetResult {
  name: string;
  description: string;
  url: string;
  /** Responses completed in the measured window. */
  requests: number;
  /** Mean requests per second over the measured window (autocannon's per-second samples). */
  rps: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  /** CPU (user + system) of the server under test per request, µs. */
  serverCpuMicrosPerRequest: number | undefined;
  /** CPU of the shared upstream per request, µs, when it sits behind the target. */
  upstreamCpuMicrosPerRequest: number | undefined;
  /** CPU of this process (autocannon) per request, µs. */
  loadGeneratorCpuMicrosPerRequest: number;
  /** Share of the whole machine's CPU that was busy during the measured window. */
  machineBusyPercent: number | undefined;
  /** Share of the machine used by processes other than the upstream, the server under test and autocannon (interrupts excluded). */
  otherLoadPercent: number | undefined;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Memory of the server under test: RSS before the warm-up, RSS at the end of the measured run, and its peak (VmHWM). */
  memory?: { idleRssMb: number | undefined; rssMb: number; peakRssMb: number };
  /** What the target's start() checked or found. */
  notes?: readonly string[];
  accessLogLines?: number;
}

export interface RatioResult {
  numerator: string;
  denominator: string;
  rps: number;
  /** Server CPU per request, numerator over denominator. */
  cpuPerRequest: number | undefined;
  /** Peak RSS of the server, numerator over denominator. */
  peakRss: number | undefined;
}

export interface GoalResult extends Goal {
  actual: number;
  met: boolean;
}

const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '—' : value.toFixed(digits));

export function formatTable(results: readonly TargetResult[]): string {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'server µs/req', 'upstream µs/req', 'autocannon µs/req', 'RSS MB', 'peak MB', 'machine busy', 'other load', 'errors/non-2xx'];
  const rows = results.map((r) => [
    r.name,
    r.rps.toFixed(0),
    fixed(r.latencyMs.p50, 0),
    fixed(r.latencyMs.p99, 0),
    fixed(r.serverCpuMicrosPerRequest, 1),
    fixed(r.upstreamCpuMicrosPerRequest, 1),
    r.loadGeneratorCpuMicrosPerRequest.toFixed(1),
    fixed(r.memory?.rssMb, 0),
    fixed(r.memory?.peakRssMb, 0),
    r.machineBusyPercent === undefined ? '—' : `${r.machineBusyPercent.toFixed(0)}%`,
    r.otherLoadPercent === undefined ? '—' : `${r.otherLoadPercent.toFixed(0)}%`,
    `${r.errors + r.timeouts}/${r.non2xx}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function computeRatios(results: readonly TargetResult[], pairs: readonly (readonly [string, string])[]): RatioResult[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  const out: RatioResult[] = [];
  for (const [numerator, denominator] of pairs) {
    const a = byName.get(numerator);
    const b = byName.get(denominator);
    if (!a || !b || b.rps === 0) continue;
    const cpu =
      a.serverCpuMicrosPerRequest !== undefined && b.serverCpuMicrosPerRequest ? a.serverCpuMicrosPerRequest / b.serverCpuMicrosPerRequest : undefined;
    const peakRss = a.memory && b.memory && b.memory.peakRssMb > 0 ? a.memory.peakRssMb / b.memory.peakRssMb : undefined;
    out.push({ numerator, denominator, rps: a.rps / b.rps, cpuPerRequest: cpu, peakRss });
  }
  return out;
}

export function formatRatios(ratios: readonly RatioResult[]): string {
  const label = (r: RatioResult): string => `${r.numerator} / ${r.denominator}`;
  const width = Math.max(24, ...ratios.map((r) => label(r).length));
  return ratios
    .map((r) => `${label(r).padEnd(width)} req/s ${r.rps.toFixed(2)}×   server CPU per request ${fixed(r.cpuPerRequest, 2)}×   peak RSS ${fixed(r.peakRss, 2)}×`)
    .join('\n');
}

export function checkGoals(ratios: readonly RatioResult[], goals: readonly Goal[]): GoalResult[] {
  const out: GoalResult[] = [];
  for (const goal of goals) {
    const ratio = ratios.find((r) => r.numerator === goal.numerator && r.denominator === goal.denominator);
    if (ratio) out.push({ ...goal, actual: ratio.rps, met: ratio.rps >= goal.minRpsRatio });
  }
  return out;
}

export function formatGoals(results: readonly GoalResult[]): string {
  return results
    .map((g) => `${g.met ? 'MET    ' : 'NOT MET'} ${g.numerator} ≥ ${g.minRpsRatio}× ${g.denominator} req/s (${g.source}): ${g.actual.toFixed(2)}×`)
    .join('\n');
}
