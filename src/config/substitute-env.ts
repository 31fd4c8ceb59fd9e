// `${VAR}` and `${VAR:-default}` substitution in every string of a parsed YAML tree (values only, never keys).

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface SubstitutionResult {
  value: unknown;
  /** Variables referenced without a default and absent from env, with the field path where each appeared. */
  missing: { variable: string; path: string }[];
}

export function substituteEnv(tree: unknown, env: Readonly<Record<string, string | undefined>>): SubstitutionResult {
  const missing: SubstitutionResult['missing'] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_whole, name: string, fallback: string | undefined) => {
        const found = env[name];
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        missing.push({ variable: name, path });
        return '';
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) out[key] = walk(child, path ? `${path}.${key}` : key);
      return out;
    }
    return node;
  };
  return { value: walk(tree, ''), missing };
}
