// A real HTTP upstream on a loopback port that records what reached it, with behaviours chosen by path.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

export interface RecordingUpstream {
  url: string;
  received: Received[];
  /** Resolves the next time the upstream has read at least `bytes` of an upload. */
  uploadProgress(bytes: number): Promise<void>;
  /** Lets a paused /download continue. */
  releaseDownload(): void;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const received: Received[] = [];
  let uploaded = 0;
  const waiters: { bytes: number; resolve: () => void }[] = [];
  let release: (() => void) | undefined;
  let releasePromise = new Promise<void>((r) => (release = r));

  const server = http.createServer(async (req, res) => {
    const entry: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: 0 };
    received.push(entry);
    const path = (req.url ?? '').split('?')[0] ?? '';

    if (path.endsWith('/upload')) {
      uploaded = 0;
      for await (const chunk of req) {
        entry.bodyBytes += (chunk as Buffer).length;
        uploaded = entry.bodyBytes;
        for (const w of waiters.splice(0)) {
          if (uploaded >= w.bytes) w.resolve();
          else waiters.push(w);
        }
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ bytes: entry.bodyBytes }));
      return;
    }
    for await (const chunk of req) entry.bodyBytes += (chunk as Buffer).length;

    if (path.endsWith('/download')) {
      const size = Number(new URL(req.url ?? '', 'http://x').searchParams.get('mb') ?? '20') * MB;
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(size));
      const chunk = Buffer.alloc(64 * 1024, 7);
      let sent = 0;
      let paused = false;
      while (sent < size) {
        if (!paused && sent >= MB) {
          paused = true;
          await releasePromise; // the test checks the client already holds bytes before the upstream has produced the rest
        }
        if (!res.write(chunk)) await once(res, 'drain');
        sent += chunk.length;
      }
      res.end();
      return;
    }
    if (path.endsWith('/slow')) {
      // never answers, unless ?ms= asks for a late answer
      const ms = Number(new URL(req.url ?? '', 'http://x').searchParams.get('ms') ?? 'NaN');
      if (Number.isFinite(ms)) setTimeout(() => res.end(JSON.stringify({ late: ms })), ms);
      return;
    }
    if (path.endsWith('/stall')) {
      // headers and the first bytes of a small body, then silence (never ends)
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
      res.write('0123456789');
      return;
    }
    if (path.endsWith('/reset')) {
      req.socket.destroy();
      return;
    }
    const status = /\/status\/(\d{3})$/.exec(path);
    res.statusCode = status ? Number(status[1]) : 200;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Upstream', 'yes');
    res.setHeader('X-Request-ID', 'upstream-made-this-up');
    res.setHeader('Connection', 'keep-alive, X-Upstream-Hop');
    res.setHeader('X-Upstream-Hop', 'secret');
    res.setHeader('Keep-Alive', 'timeout=5');
    res.end(res.statusCode === 204 || res.statusCode === 304 ? undefined : JSON.stringify({ method: req.method, url: req.url }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    uploadProgress: (bytes) =>
      new Promise<void>((resolve) => {
        if (uploaded >= bytes) resolve();
        else waiters.push({ bytes, resolve });
      }),
    releaseDownload: () => {
      release?.();
      releasePromise = new Promise<void>((r) => (release = r));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
