// GET /status (RAC_REST_NAME_011): problem+json 200 when healthy, 503 with Retry-After when the store is unreachable.
import type { RequestHandler } from 'express';
import type { Store } from '../store/store.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { sendProblem } from '../problem/problem-middleware.js';
import { problems } from '../problem/catalogue.js';

const PING_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createStatusRoute(store: Store): RequestHandler {
  return async (_req, res) => {
    try {
      await withTimeout(store.ping(), PING_TIMEOUT_MS);
    } catch {
      sendProblem(res, problems.serviceUnavailable, `The shared store (${store.kind}) is unreachable.`, { headers: { 'Retry-After': '5' } });
      return;
    }
    res.status(200).setHeader('Content-Type', PROBLEM_CONTENT_TYPE).setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify({ status: 200, title: 'OK' }));
  };
}
