// POST /sandbox/tokens input (pure): body validation and scope resolution against a registry.
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../src/problem/problem.js';
import type { Registry, RegisteredApi } from '../../../src/registry/registry.js';
import { parseSandboxTokenRequest, resolveSandboxScope } from '../../../src/tokens/sandbox-request.js';

const api = (id: string, sandbox: boolean) => ({ id, config: { sandbox: { enabled: sandbox } } }) as unknown as RegisteredApi;
const apis = [api('imprese', true), api('anagrafe', true), api('closed', false)];
const registry: Pick<Registry, 'apis' | 'find'> = { apis, find: (id) => apis.find((a) => a.id === id) };

function problemOf(fn: () => unknown): { status: number; detail: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.template.status, detail: err.detail };
    throw err;
  }
  throw new Error('expected a ProblemError');
}

describe('parseSandboxTokenRequest', () => {
  it('accepts no body, an empty object, apis and a label', () => {
    expect(parseSandboxTokenRequest(undefined)).toEqual({});
    expect(parseSandboxTokenRequest({})).toEqual({});
    expect(parseSandboxTokenRequest({ apis: ['imprese'], label: 'my app' })).toEqual({ apis: ['imprese'], label: 'my app' });
  });

  it.each([
    ['an array', ['imprese']],
    ['a string', 'imprese'],
    ['unknown members', { apis: [], scope: 'x' }],
    ['apis not an array', { apis: 'imprese' }],
    ['apis with a number', { apis: [1] }],
    ['too many apis', { apis: Array.from({ length: 101 }, () => 'imprese') }],
    ['an empty label', { label: '' }],
    ['a long label', { label: 'x'.repeat(101) }],
    ['a label with a newline', { label: 'a\nb' }],
    ['a label with a bidi override', { label: 'a\u202Eb' }],
  ])('refuses %s with a 400 problem', (_name, body) => {
    expect(problemOf(() => parseSandboxTokenRequest(body)).status).toBe(400);
  });
});

describe('resolveSandboxScope', () => {
  it('gives every sandbox-enabled API when none is asked, else the ones asked (deduplicated)', () => {
    expect(resolveSandboxScope(undefined, registry)).toEqual(['imprese', 'anagrafe']);
    expect(resolveSandboxScope([], registry)).toEqual(['imprese', 'anagrafe']);
    expect(resolveSandboxScope(['anagrafe', 'anagrafe'], registry)).toEqual(['anagrafe']);
  });

  it('answers 400 for an unknown API id or an API without a sandbox', () => {
    expect(problemOf(() => resolveSandboxScope(['imprese', 'nope'], registry))).toMatchObject({ status: 400, detail: expect.stringContaining('Unknown API id "nope"') });
    expect(problemOf(() => resolveSandboxScope(['closed'], registry))).toMatchObject({ status: 400, detail: expect.stringContaining('has no sandbox') });
    const none: Pick<Registry, 'apis' | 'find'> = { apis: [api('closed', false)], find: () => undefined };
    expect(problemOf(() => resolveSandboxScope(undefined, none)).status).toBe(400);
  });
});
