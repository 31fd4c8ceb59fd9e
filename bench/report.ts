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
  /** Other processes that served the target's requests (e.g. its redis-server). */
  peers?: readonly PeerResult[];
}

export interface PeerResult {
  label: string;
  pid: number;
  /** CPU (user + system) of that process per request, µs. */
  cpuMicrosPerRequest: number | undefined;
  /** Its counters' growth over the measured run, per request (e.g. Redis commands). */
  countersPerRequest: Record<string, number>;
}

export interface RatioResult {
  numerator: string;
  denominator: string;
  rps: number;
  /** Server CPU per request, numerator over denominator. */
  cpuPerRequest: number | undefined;
  /** Peak RSS of the server, numerator over denominator. */
  peakRss: number | undefined;
  /** Per peer label present on both sides: its CPU per request, numerator over denominator. */
  peerCpuPerRequest?: Record<string, number>;
  /** Server plus peers CPU per request, numerator over denominator, when either side has peers. */
  totalCpuPerRequest?: number;
  /** What that total adds up, e.g. "gateway+redis". */
  totalCpuLabel?: string;
}

export interface GoalResult extends Goal {
  actual: number;
  met: boolean;
}

const fixed = (value: number | undefined, digits: number): string => (value === undefined ? '—' : value.toFixed(digits));

const peerLabels = (results: readonly TargetResult[]): string[] => [...new Set(results.flatMap((r) => (r.peers ?? []).map((p) => p.label)))];
const peerCpu = (r: TargetResult, label: string): number | undefined => r.peers?.find((p) => p.label === label)?.cpuMicrosPerRequest;

/** Server CPU plus every peer's, per request; undefined if any reading is missing. */
function totalCpu(r: TargetResult): number | undefined {
  if (r.serverCpuMicrosPerRequest === undefined) return undefined;
  let total = r.serverCpuMicrosPerRequest;
  for (const peer of r.peers ?? []) {
    if (peer.cpuMicrosPerRequest === undefined) return undefined;
    total += peer.cpuMicrosPerRequest;
  }
  return total;
}

export function formatTable(results: readonly TargetResult[]): string {
  // A column per peer process (e.g. "redis µs/req") only when some target had one.
  const labels = peerLabels(results);
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'server µs/req', ...labels.map((l) => `${l} µs/req`), 'upstream µs/req', 'autocannon µs/req', 'RSS MB', 'peak MB', 'machine busy', 'other load', 'errors/non-2xx'];
  const rows = results.map((r) => [
    r.name,
    r.rps.toFixed(0),
    fixed(r.latencyMs.p50, 0),
    fixed(r.latencyMs.p99, 0),
    fixed(r.serverCpuMicrosPerRequest, 1),
    ...labels.map((l) => fixed(peerCpu(r, l), 1)),
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
    const ratio: RatioResult = { numerator, denominator, rps: a.rps / b.rps, cpuPerRequest: cpu, peakRss };
    const peerCpuPerRequest: Record<string, number> = {};
    for (const label of peerLabels([a, b])) {
      const x = peerCpu(a, label);
      const y = peerCpu(b, label);
      if (x !== undefined && y) peerCpuPerRequest[label] = x / y;
    }
    if (Object.keys(peerCpuPerRequest).length > 0) ratio.peerCpuPerRequest = peerCpuPerRequest;
    const totalA = totalCpu(a);
    const totalB = totalCpu(b);
    if ((a.peers?.length || b.peers?.length) && totalA !== undefined && totalB) {
      ratio.totalCpuPerRequest = totalA / totalB;
      ratio.totalCpuLabel = ['server', ...peerLabels([a, b])].join('+');
    }
    out.push(ratio);
  }
  return out;
}

export function formatRatios(ratios: readonly RatioResult[]): string {
  const label = (r: RatioResult): string => `${r.numerator} / ${r.denominator}`;
  const width = Math.max(24, ...ratios.map((r) => label(r).length));
  const extra = (r: RatioResult): string =>
    [
      ...Object.entries(r.peerCpuPerRequest ?? {}).map(([peer, value]) => `   ${peer} CPU per request ${value.toFixed(2)}×`),
      r.totalCpuPerRequest === undefined ? '' : `   ${r.totalCpuLabel ?? 'total'} CPU per request ${r.totalCpuPerRequest.toFixed(2)}×`,
    ].join('');
  return ratios
    .map((r) => `${label(r).padEnd(width)} req/s ${r.rps.toFixed(2)}×   server CPU per request ${fixed(r.cpuPerRequest, 2)}×   peak RSS ${fixed(r.peakRss, 2)}×${extra(r)}`)
    .join('\n');
}

const signed = (value: number, digits: number): string => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;

/** What one configuration costs over another, in absolute terms per request: server CPU, each peer's CPU and counters. */
export function formatCosts(results: readonly TargetResult[], pairs: readonly { numerator: string; denominator: string; title: string }[]): string {
  const byName = new Map(results.map((r) => [r.name, r]));
  const lines: string[] = [];
  for (const { numerator, denominator, title } of pairs) {
    const a = byName.get(numerator);
    const b = byName.get(denominator);
    if (!a || !b || b.rps === 0) continue;
    const parts = [`req/s ${a.rps.toFixed(0)} vs ${b.rps.toFixed(0)} (${signed(100 * (a.rps / b.rps - 1), 0)}%)`];
    const cpu = (name: string, x: number | undefined, y: number | undefined): void => {
      if (x !== undefined || y !== undefined) parts.push(`${name} CPU ${fixed(x, 1)} vs ${fixed(y, 1)} µs/req${x !== undefined && y !== undefined ? ` (${signed(x - y, 1)})` : ''}`);
    };
    cpu('gateway', a.serverCpuMicrosPerRequest, b.serverCpuMicrosPerRequest);
    for (const label of peerLabels([a, b])) {
      cpu(label, peerCpu(a, label), peerCpu(b, label));
      const counters = (r: TargetResult): Record<string, number> | undefined => r.peers?.find((p) => p.label === label)?.countersPerRequest;
      const x = counters(a);
      const y = counters(b);
      if (x?.commands !== undefined || y?.commands !== undefined) {
        // Redis counts the commands a Lua script calls as commands too; the scripts themselves are the round trips that carry them.
        const scripts = (c: Record<string, number> | undefined): number | undefined =>
          c?.commands === undefined ? undefined : (c['cmd:evalsha'] ?? 0) + (c['cmd:eval'] ?? 0) + (c['cmd:fcall'] ?? 0);
        parts.push(`${label} commands executed ${fixed(x?.commands, 2)} vs ${fixed(y?.commands, 2)} per request, of which scripts (EVAL/EVALSHA) ${fixed(scripts(x), 2)} vs ${fixed(scripts(y), 2)}, their inner calls counted too`);
      }
    }
    const ta = totalCpu(a);
    const tb = totalCpu(b);
    if ((a.peers?.length || b.peers?.length) && ta !== undefined && tb !== undefined) parts.push(`total CPU ${ta.toFixed(1)} vs ${tb.toFixed(1)} µs/req (${signed(ta - tb, 1)})`);
    lines.push(`Cost of ${title}: ${numerator} vs ${denominator}:\n  ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

/** One line per peer process: its CPU and its busiest counters per request. */
export function formatPeers(results: readonly TargetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const peer of r.peers ?? []) {
      const { commands, ...rest } = peer.countersPerRequest;
      const top = Object.entries(rest)
        .filter(([, v]) => v >= 0.01)
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k.replace(/^cmd:/, '')} ${v.toFixed(2)}`);
      const counted = commands === undefined ? '' : `, ${commands.toFixed(2)} commands executed per request, Lua scripts' inner calls included${top.length > 0 ? ` (${top.join(', ')})` : ''}`;
      lines.push(`${r.name}: ${peer.label} (pid ${peer.pid}) ${fixed(peer.cpuMicrosPerRequest, 1)} µs CPU per request${counted}`);
    }
  }
  return lines.join('\n');
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
