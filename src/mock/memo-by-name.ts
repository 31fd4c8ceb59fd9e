// Remembers a pure function of a name (a property name, a format): the generator asks the same few questions about
// the same names on every request. Bounded, since names of generated map keys are not from a fixed list.

const LIMIT = 4096;

export function memoByName<T>(compute: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    const hit = known.get(name);
    if (hit !== undefined || known.has(name)) return hit as T;
    const value = compute(name);
    if (known.size >= LIMIT) known.clear();
    known.set(name, value);
    return value;
  };
}
