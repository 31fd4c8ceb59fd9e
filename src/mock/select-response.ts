// Chooses which declared response answers: the operation's success response by default, or the one `Prefer: code`
// asks for (exact code, then its `4XX` range, then `default`); an undeclared code is a 422 naming the declared ones.

import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { PreparedOperation, PreparedResponse } from './prepare-operation.js';

export interface SelectedResponse {
  readonly status: number;
  readonly response: PreparedResponse;
}

export function selectResponse(op: PreparedOperation, code: string | undefined): SelectedResponse {
  if (code === undefined) {
    const success = op.success === undefined ? undefined : op.responses.get(op.success.key);
    // An operation with no responses at all still answers something an HTTP client understands.
    if (op.success === undefined || success === undefined) return { status: 204, response: EMPTY_RESPONSE };
    return { status: op.success.status, response: success };
  }
  const found = op.responses.get(code) ?? op.responses.get(`${code[0]}XX`) ?? op.responses.get('default');
  if (found === undefined) {
    const allowed = [...op.responses.keys()];
    throw new ProblemError(
      problems.unprocessable,
      `Prefer: code=${code} is not a response of ${op.operation.id}; declared: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.`,
      { extensions: { preference: 'code', allowed } },
    );
  }
  return { status: Number(code), response: found };
}

const EMPTY_RESPONSE: PreparedResponse = Object.freeze({
  key: 'default',
  headers: [],
  content: new Map(),
  negotiate: () => undefined,
});
