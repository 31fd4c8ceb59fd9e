// One start-up error that lists every configuration problem as file, field, expected vs found.

export interface ConfigIssue {
  file: string;
  /** Dotted field path, '' for the whole file. */
  field: string;
  message: string;
}

export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map((i) => `  - ${i.file}${i.field ? ` → ${i.field}` : ''}: ${i.message}`);
  return `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}
