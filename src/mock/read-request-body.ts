// Reads a request's body into one Buffer, refusing more than `limit` bytes with a 413 problem before buffering it all.
import type { IncomingMessage } from 'node:http';
import { hasNoBody } from '../request-framing.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/** The bytes of a request without a body. */
export const NO_BODY: Buffer = EMPTY;

export async function readRequestBody(req: IncomingMessage, limit: number = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const tooLarge = (): ProblemError => new ProblemError(problems.payloadTooLarge, `The sandbox accepts request bodies up to ${limit} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  // A body parser earlier in the chain may already have consumed the stream.
  const parsed = (req as { body?: unknown }).body;
  if (Buffer.isBuffer(parsed)) return parsed;
  if (req.readableEnded || hasNoBody(req)) return EMPTY;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
