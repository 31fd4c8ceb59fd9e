// A deep copy of a JSON value (plain objects, arrays, scalars). Much cheaper than structuredClone for the small values
// a mock handles, and free for scalars; anything else (a Date a YAML example may hold) goes to structuredClone.

export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneJson((value as Record<string, unknown>)[key]);
  return out as T;
}
