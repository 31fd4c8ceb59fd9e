// `npm run bench`: starts the upstream and each target in its own child process, loads each with autocannon from here,
// reports req/s, p50/p99 latency, server CPU per request and memory, prints ratios and goals, writes bench/results/latest.json.
// BENCH_TARGETS picks targets or groups (proxy, tokens, mock, limits), e.g. BENCH_TARGETS=tokens or BENCH_TARGETS=mock,gateway.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { killAllChildrenNow, stopAllChildren, type RunningServer } from './start-child.js';
import { readMachineCpu, readProcessCpuMicros, CPU_TICK_MICROS } from './cpu-time.js';
import { readProcessMemory } from './process-memory.js';
import { costs, goals, ratios, startUpstream, TargetUnavailable, targets, type BenchContext, type BenchTarget, type RunningTarget } from './targets.js';
import { checkGoals, computeRatios, formatCosts, formatGoals, formatPeers, formatRatios, formatTable, type PeerResult, type TargetResult } from './report.js';

// Beyond this share of the machine used by processes other than ours, a run's numbers are flagged.
const OTHER_LOAD_WARNING_PERCENT = 10;

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, 'results');

interface Options {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Only these targets or groups (BENCH_TARGETS=gateway,bare-proxy or BENCH_TARGETS=tokens); all when empty. */
  only: ReadonlySet<string>;
  logLevel: string;
  /** Targets to run under node --cpu-prof (BENCH_CPU_PROF=gateway); profiles land in bench/results/profiles. */
  profile: ReadonlySet<string>;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, allowZero = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new Error(`${name}: expected a ${allowZero ? 'non-negative' : 'positive'} number, found "${raw}"`);
  return value;
}

function list(raw: string | undefined): Set<string> {
  return new Set((raw ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function readOptions(env: NodeJS.ProcessEnv): Options {
  return {
    seconds: positive(env, 'BENCH_SECONDS', 10),
    warmupSeconds: positive(env, 'BENCH_WARMUP_SECONDS', 3, true),
    connections: Math.round(positive(env, 'BENCH_CONNECTIONS', 50)),
    only: list(env.BENCH_TARGETS),
    logLevel: env.BENCH_LOG_LEVEL ?? 'info',
    profile: list(env.BENCH_CPU_PROF),
  };
}

async function sanityCheck(url: string, headers: Readonly<Record<string, string>>): Promise<number> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: expected 200, got ${response.status}: ${Buffer.from(body).toString('utf8', 0, 300)}`);
  return body.byteLength;
}

/** Share of the machine's CPU busy over the next `ms` (other work on the host skews every number). */
async function sampleMachineBusy(ms: number): Promise<number | undefined> {
  const before = readMachineCpu();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = readMachineCpu();
  return before && after && after.total > before.total ? (100 * (after.busy - before.busy)) / (after.total - before.total) : undefined;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

async function measure(target: BenchTarget, running: RunningTarget, upstream: RunningServer | undefined, options: Options): Promise<TargetResult> {
  const url = running.url + target.path;
  const headers = running.headers ?? {};
  const bytes = await sanityCheck(url, headers);
  console.log(`\n▶ ${target.name}: ${target.description}\n  ${url} → 200, ${bytes} bytes; pid ${running.pid}`);
  for (const note of running.notes ?? []) console.log(`  ${note}`);
  // A fresh request list per autocannon run (the mock targets vary the path per request); otherwise the one url.
  const load = (duration: number): Promise<autocannon.Result> =>
    autocannon({ url, connections: options.connections, duration, headers: { ...headers }, ...(target.requests ? { requests: target.requests() } : {}) });
  const idle = readProcessMemory(running.pid);
  if (options.warmupSeconds > 0) {
    console.log(`  warm-up ${options.warmupSeconds} s…`);
    await load(options.warmupSeconds);
  }
  console.log(`  measuring ${options.seconds} s with ${options.connections} connections…`);
  const proxied = running.proxiesUpstream ? upstream : undefined;
  const peers = running.peers ?? [];
  const countersBefore = await Promise.all(peers.map((p) => p.counters?.()));
  const peersBefore = peers.map((p) => readProcessCpuMicros(p.pid));
  const serverBefore = readProcessCpuMicros(running.pid);
  const upstreamBefore = proxied ? readProcessCpuMicros(proxied.pid) : undefined;
  const machineBefore = readMachineCpu();
  const selfBefore = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  const result = await load(options.seconds);
  const self = process.cpuUsage(selfBefore);
  const elapsedMicros = Number(process.hrtime.bigint() - startedAt) / 1e3;
  const machineAfter = readMachineCpu();
  const upstreamAfter = proxied ? readProcessCpuMicros(proxied.pid) : undefined;
  const serverAfter = readProcessCpuMicros(running.pid);
  const peersAfter = peers.map((p) => readProcessCpuMicros(p.pid));
  const countersAfter = await Promise.all(peers.map((p) => p.counters?.()));
  const memory = readProcessMemory(running.pid);

  const requests = result.requests.total;
  const delta = (before: number | undefined, after: number | undefined): number => (before === undefined || after === undefined ? 0 : after - before);
  const machineBusyPercent =
    machineBefore && machineAfter && machineAfter.total > machineBefore.total
      ? (100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total)
      : undefined;
  const peersMicros = peers.reduce((sum, _, i) => sum + delta(peersBefore[i], peersAfter[i]), 0);
  // What the machine did beyond our processes (softirq excluded: that is our loopback traffic); other tenants skew every number.
  const oursPercent =
    (100 * (delta(serverBefore, serverAfter) + delta(upstreamBefore, upstreamAfter) + peersMicros + self.user + self.system)) / (elapsedMicros * os.availableParallelism());
  const perRequest = (before: number | undefined, after: number | undefined): number | undefined =>
    before === undefined || after === undefined || requests === 0 ? undefined : (after - before) / requests;
  const peerResults: PeerResult[] = peers.map((peer, i) => {
    const before = countersBefore[i];
    const after = countersAfter[i];
    const countersPerRequest: Record<string, number> = {};
    if (before && after && requests > 0) for (const [key, value] of Object.entries(after)) countersPerRequest[key] = (value - (before[key] ?? 0)) / requests;
    return { label: peer.label, pid: peer.pid, cpuMicrosPerRequest: perRequest(peersBefore[i], peersAfter[i]), countersPerRequest };
  });
  return {
    name: target.name,
    description: target.description,
    url,
    requests,
    rps: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, max: result.latency.max },
    serverCpuMicrosPerRequest: perRequest(serverBefore, serverAfter),
    upstreamCpuMicrosPerRequest: perRequest(upstreamBefore, upstreamAfter),
    loadGeneratorCpuMicrosPerRequest: requests === 0 ? 0 : (self.user + self.system) / requests,
    machineBusyPercent,
    otherLoadPercent:
      machineBefore && machineAfter && machineAfter.total > machineBefore.total
        ? Math.max(0, (100 * (machineAfter.busy - machineAfter.interrupts - (machineBefore.busy - machineBefore.interrupts))) / (machineAfter.total - machineBefore.total) - oursPercent)
        : undefined,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(memory ? { memory: { idleRssMb: idle?.rssMb, ...memory } } : {}),
    ...(running.notes ? { notes: running.notes } : {}),
    ...(peerResults.length > 0 ? { peers: peerResults } : {}),
  };
}

/** BENCH_TARGETS entries are target names or group names; unknown ones are an error listing both. */
function selectTargets(only: ReadonlySet<string>): BenchTarget[] {
  const groups = new Set(targets.flatMap((t) => t.groups));
  const unknown = [...only].filter((name) => !groups.has(name) && !targets.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_TARGETS: unknown ${unknown.join(', ')}; targets: ${targets.map((t) => t.name).join(', ')}; groups: ${[...groups].join(', ')}`);
  }
  return targets.filter((t) => only.size === 0 || only.has(t.name) || t.groups.some((g) => only.has(g)));
}

async function main(): Promise<void> {
  const options = readOptions(process.env);
  mkdirSync(resultsDir, { recursive: true });
  const profileDir = path.join(resultsDir, 'profiles');
  const nodeFlagsFor = (name: string): string[] => (options.profile.has(name) ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);

  const selected = selectTargets(options.only);

  const cpus = os.cpus();
  const machine = {
    cores: os.availableParallelism(),
    model: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const machineLine =
    `Machine: ${machine.cores} cores (${machine.model}), Node ${machine.node}. The upstream, the server under test and ` +
    `autocannon (this process) all share these ${machine.cores} cores, so absolute numbers are lower than on dedicated hosts; ratios are what matter.`;
  console.log(machineLine);
  console.log(`Targets: ${selected.map((t) => t.name).join(', ')}.`);
  console.log(
    `Settings: ${options.seconds} s measured after ${options.warmupSeconds} s warm-up, ${options.connections} connections, loopback 127.0.0.1, ` +
      `gateway LOG_LEVEL=${options.logLevel}; CPU from /proc/<pid>/stat (resolution ${CPU_TICK_MICROS / 1000} ms).`,
  );

  const background = await sampleMachineBusy(1_000);
  if (background !== undefined) {
    console.log(`Background load before starting: ${background.toFixed(0)}% of the machine busy${background > 10 ? ' — WARNING: something else is running; numbers will be low and noisy' : ''}.`);
  }

  const upstream = selected.some((t) => t.usesUpstream) ? await startUpstream(nodeFlagsFor('upstream')) : undefined;
  const ctx: BenchContext = { upstream, resultsDir, logLevel: options.logLevel, nodeFlagsFor };
  const results: TargetResult[] = [];
  const skipped: { name: string; reason: string }[] = [];
  try {
    for (const target of selected) {
      let running: RunningTarget;
      try {
        running = await target.start(ctx);
      } catch (err) {
        if (!(err instanceof TargetUnavailable)) throw err;
        console.log(`\n▶ ${target.name}: SKIPPED: ${err.message}`);
        skipped.push({ name: target.name, reason: err.message });
        continue;
      }
      try {
        const result = await measure(target, running, upstream, options);
        results.push(result);
      } finally {
        await running.stop();
      }
      const last = results[results.length - 1];
      if (last && running.accessLogFile) last.accessLogLines = await countLines(running.accessLogFile);
    }
  } finally {
    await upstream?.stop();
  }

  const ratioResults = computeRatios(results, ratios);
  const goalResults = checkGoals(ratioResults, goals);
  console.log(`\n${formatTable(results)}\n`);
  if (ratioResults.length > 0) console.log(`${formatRatios(ratioResults)}\n`);
  const costLines = formatCosts(results, costs);
  if (costLines) console.log(`${costLines}\n`);
  const peerLines = formatPeers(results);
  if (peerLines) console.log(`${peerLines}\n`);
  if (goalResults.length > 0) console.log(`${formatGoals(goalResults)}\n`);
  for (const goal of goals) {
    const missing = skipped.find((s) => s.name === goal.numerator || s.name === goal.denominator);
    if (missing) console.log(`NOT MEASURED ${goal.numerator} ≥ ${goal.minRpsRatio}× ${goal.denominator} req/s (${goal.source}): ${missing.name} was skipped (${missing.reason})\n`);
  }
  for (const r of results) {
    if (r.otherLoadPercent !== undefined && r.otherLoadPercent > OTHER_LOAD_WARNING_PERCENT) {
      console.log(`warning: ${r.name}: ${r.otherLoadPercent.toFixed(0)}% of the machine went to other processes during the run; its numbers are not trustworthy, run again`);
    }
    if (r.errors + r.timeouts + r.non2xx > 0) console.log(`warning: ${r.name} had ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
    if (r.accessLogLines !== undefined) console.log(`${r.name}: ${r.accessLogLines} log lines written to its stdout file over the whole run (warm-up included)`);
    if (r.memory) {
      const idle = r.memory.idleRssMb === undefined ? '' : `${r.memory.idleRssMb.toFixed(0)} MB idle before the warm-up, `;
      console.log(`${r.name}: memory ${idle}${r.memory.rssMb.toFixed(0)} MB RSS at the end of the run, ${r.memory.peakRssMb.toFixed(0)} MB peak (VmHWM)`);
    }
  }
  console.log(machineLine);
  console.log('Latency percentiles have autocannon\'s 1 ms resolution.');

  const file = path.join(resultsDir, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify({ finishedAt: new Date().toISOString(), machine: { ...machine, backgroundBusyPercent: background }, settings: { ...options, only: [...options.only], profile: [...options.profile] }, results, skipped, ratios: ratioResults, goals: goalResults }, null, 2)}\n`,
  );
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
  if (options.profile.size > 0) console.log(`CPU profiles in ${path.relative(process.cwd(), profileDir)} (open in Chrome DevTools → Performance)`);
}

process.once('exit', killAllChildrenNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench servers…`);
    stopAllChildren().finally(() => process.exit(130));
  });
}

main().then(
  () => stopAllChildren(),
  async (err: unknown) => {
    console.error('bench failed:', err instanceof Error ? err.message : err);
    await stopAllChildren();
    process.exitCode = 1;
  },
);
