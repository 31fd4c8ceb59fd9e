// Runs the real `portico start` in a child process against a throw-away config folder; stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface GatewayProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Log lines the gateway printed so far (JSON objects). */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface GatewayProcessOptions {
  apis: { id: string; openapi: string; upstreamUrl: string; access?: string; timeoutMs?: number }[];
  gatewayYaml?: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Extra files written into the config folder before start (e.g. consumers.yaml), by name relative to it. */
  files?: Record<string, string>;
}

export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-gw-'));
  mkdirSync(path.join(dir, 'apis'));
  writeFileSync(
    path.join(dir, 'gateway.yaml'),
    options.gatewayYaml ?? 'listeners:\n  public: { host: 127.0.0.1, port: 0 }\nshutdown: { graceMs: 3000 }\n',
  );
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), content);
  for (const api of options.apis) {
    cpSync(api.openapi, path.join(dir, 'apis', `${api.id}.openapi.yaml`));
    writeFileSync(
      path.join(dir, 'apis', `${api.id}.yaml`),
      [
        `id: ${api.id}`,
        `title: ${api.id}`,
        'version: v1',
        'agency: { name: Test agency }',
        `openapi: ${api.id}.openapi.yaml`,
        `upstream: { url: "${api.upstreamUrl}"${api.timeoutMs ? `, timeoutMs: ${api.timeoutMs}` : ''} }`,
        `access: ${api.access ?? 'open'}`,
        '',
      ].join('\n'),
    );
  }
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'bin/portico.js'), 'start', '--config', dir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  const url = await new Promise<string>((resolve, reject) => {
    // A gateway that does not come up in time is stopped by its PID, so a slow machine leaves no orphan behind.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway did not start within 30 s: ${stderr}`));
    }, 30_000);
    let buffered = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) !== -1) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'portico listening') {
            clearTimeout(timer);
            resolve(String(entry.url));
          }
        } catch {
          /* not JSON: ignore */
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} before listening: ${stderr}`));
    });
  });

  const pid = child.pid!;
  return {
    url,
    pid,
    child,
    logs,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const killer = setTimeout(() => process.kill(pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
