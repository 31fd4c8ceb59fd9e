// Turns zod issues into ConfigIssues that say what was expected and what was found.
import type { z } from 'zod';
import type { ConfigIssue } from './config-error.js';

function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  return 'an object';
}

export function toConfigIssues(file: string, error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const field = formatPath(issue.path);
    const input = (issue as { input?: unknown }).input;
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message = `expected ${issue.expected}, found ${describeFound(input)}`;
        break;
      case 'unrecognized_keys':
        message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        break;
      case 'invalid_value':
        message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeFound(input)}`;
        break;
      case 'custom':
        message = issue.message;
        break;
      default:
        message = input === undefined ? issue.message : `${issue.message}, found ${describeFound(input)}`;
    }
    return { file, field, message };
  });
}

/** `['plans', 1]` → `plans[1]`, the way the cross-field checks and people write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
