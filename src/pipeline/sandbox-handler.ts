// The sandbox dispatch's contract; until the mock engine is plugged in, sandbox calls get a 501 problem.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { RequestContext } from './context.js';

export type SandboxHandler = (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => Promise<void>;

export const SANDBOX_NOT_READY: SandboxHandler = async (_req, _res, ctx) => {
  throw new ProblemError(problems.sandboxUnavailable, `The sandbox for "${ctx.api?.id}" is not available yet.`);
};
