// Makes an answer about what was asked for: properties named like a path parameter (or a query filter) take the
// request's value, identifiers derived from it agree (see derive-siblings.ts), and the schema still has the last word.
import { normalisePropertyName, recogniseIdentifier } from '../identifiers/recognise-identifier.js';
import { cloneJson } from '../clone-json.js';
import type { Locale, ValidateValue } from '../types.js';
import type { CheckedParameter } from '../validate-request.js';
import { collectEchoes, isScalar, type Echo, type Echoes, type Scalar } from './collect-echoes.js';
import { deriveSiblings } from './derive-siblings.js';

export type Path = readonly (string | number)[];

interface Change {
  readonly path: Path;
  readonly value: unknown;
  /** What was there before, so that a change made in place can be undone. */
  readonly previous: unknown;
  /** Index of the change this one follows from (an echoed SIRET for its NIC): refused with it. */
  readonly basis: number | undefined;
}

/** Where in the answer an object sits: inside a list's items or not, at the resource's own level or deeper. */
interface Scope {
  readonly list: boolean;
  readonly top: boolean;
}

/** A path built only when a change needs it: walking the answer allocates nothing for the many places left alone. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly step: string | number;
}

export interface EchoOptions {
  /** The value is the caller's own (freshly generated): it is changed in place rather than copied first. */
  readonly owned?: boolean;
  /**
   * Whether the body stays as valid as it was with `value` at `path`, judged locally (that value against its own
   * sub-schema); undefined when a local judgement cannot be trusted there. When every change is judged valid, the
   * whole-body validation is skipped: its verdict would be the same.
   */
  readonly checkChange?: (path: Path, value: unknown) => boolean | undefined;
}

// Wrappers around the resource itself: their members are still "the top" (`{data: {id}}` is about the id asked for).
const ENVELOPES = new Set(['data', 'result', 'item', 'payload', 'content', 'body', 'response', 'record', 'entity', 'meta', 'metadata', 'pagination', 'paging', 'pageinfo']);
// Names too common to mean the request's resource below the top (`owner.id` is not the id in the path).
const GENERIC = new Set(['id', 'uuid', 'guid', 'code', 'codice', 'key', 'name', 'nome', 'nom', 'type', 'tipo', 'slug', 'identifier', 'identifiant', 'identificativo', 'version', 'status', 'stato', 'label', 'title']);
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * The value with the request's identifiers in place. Changes are kept all together when the body stays as valid as
 * it was, else one by one on the same terms: the request's value never breaks the documented shape.
 */
export function echoRequest(value: unknown, parameters: readonly CheckedParameter[], locale: Locale, validate: ValidateValue, options: EchoOptions = {}): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const echoes = collectEchoes(parameters, locale);
  const working = options.owned === true ? value : (cloneJson(value) as object);
  const changes: Change[] = [];
  walk(working, undefined, { list: false, top: true }, echoes, changes);
  if (changes.length === 0) return value;
  const { checkChange } = options;
  if (checkChange !== undefined && changes.every((c) => checkChange(c.path, c.value) === true)) return working;
  // A valid result needs no comparison with the original (the usual case: one validation, not two).
  const after = validate(working).length;
  if (after === 0) return working;
  // The original again: undone in place (latest first) when changed in place, else the caller's untouched value.
  const inPlace = working === value;
  if (inPlace) for (let i = changes.length - 1; i >= 0; i--) setAt(working, (changes[i] as Change).path, (changes[i] as Change).previous);
  const baseline = validate(inPlace ? working : value).length;
  if (after <= baseline) {
    if (inPlace) for (const change of changes) setAt(working, change.path, change.value);
    return working;
  }

  const result = inPlace ? working : (cloneJson(value) as object);
  let score = baseline;
  const refused = new Set<number>();
  changes.forEach((change, i) => {
    if (change.basis !== undefined && refused.has(change.basis)) {
      refused.add(i);
      return;
    }
    const previous = getAt(result, change.path);
    setAt(result, change.path, change.value);
    const s = validate(result).length;
    if (s <= score) score = s;
    else {
      setAt(result, change.path, previous);
      refused.add(i);
    }
  });
  return result;
}

function pathOf(link: PathLink | undefined, last: string): Path {
  const out: (string | number)[] = [last];
  for (let l = link; l !== undefined; l = l.parent) out.push(l.step);
  return out.reverse();
}

function walk(node: unknown, at: PathLink | undefined, scope: Scope, echoes: Echoes, changes: Change[]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walk(node[i], { parent: at, step: i }, ITEM_SCOPE, echoes, changes);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Record<string, unknown>;
  const keys = Object.keys(object);
  let fromRequest: Set<string> | undefined;
  let changedAt: Map<string, number> | undefined;
  if (echoes.byName.size > 0) {
    for (const key of keys) {
      const current = object[key];
      if (!(isScalar(current) || current === null)) continue;
      const echo = applicable(echoes.byName.get(normalisePropertyName(key)), key, scope, echoes.locale);
      const value = echo === undefined ? undefined : convert(echo.value, current);
      if (value === undefined) continue;
      (fromRequest ??= new Set()).add(key);
      if (value === current) continue;
      object[key] = value;
      (changedAt ??= new Map()).set(key, changes.length);
      changes.push({ path: pathOf(at, key), value, previous: current, basis: undefined });
    }
  }
  const siren = echoes.siren !== undefined && (!scope.list || echoes.siren.inLists) ? String(echoes.siren.value) : undefined;
  for (const derived of deriveSiblings(object, { fromRequest: fromRequest ?? NO_KEYS, siren, locale: echoes.locale }, keys)) {
    const previous = object[derived.key];
    object[derived.key] = derived.value;
    changes.push({
      path: pathOf(at, derived.key),
      value: derived.value,
      previous,
      basis: derived.from === undefined ? undefined : changedAt?.get(derived.from),
    });
  }
  for (const key of keys) {
    const child = object[key];
    if (typeof child !== 'object' || child === null) continue;
    const top = scope.top && ENVELOPES.has(normalisePropertyName(key));
    walk(child, { parent: at, step: key }, scope.list ? (top ? ITEM_SCOPE : ITEM_DEEP_SCOPE) : top ? TOP_SCOPE : DEEP_SCOPE, echoes, changes);
  }
}

const TOP_SCOPE: Scope = { list: false, top: true };
const DEEP_SCOPE: Scope = { list: false, top: false };
const ITEM_SCOPE: Scope = { list: true, top: true };
const ITEM_DEEP_SCOPE: Scope = { list: true, top: false };

/** The echo when it may apply here: path values outside lists, filters anywhere; below the top, specific names only. */
function applicable(echo: Echo | undefined, key: string, scope: Scope, locale: Locale): Echo | undefined {
  if (echo === undefined || (scope.list && !echo.inLists)) return undefined;
  if (scope.top) return echo;
  const name = normalisePropertyName(key);
  const specific = recogniseIdentifier({ name: key, locale }).length > 0 || (name.length >= 5 && !GENERIC.has(name));
  return specific ? echo : undefined;
}

/** The request's value in the type the answer already has there (a path's "42" for an integer), or undefined. */
function convert(value: Scalar, current: Scalar | null): Scalar | undefined {
  if (current === null || typeof current === typeof value) return value;
  if (typeof current === 'string') return String(value);
  if (typeof current === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof current === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return undefined;
}

function getAt(root: object, path: Path): unknown {
  let node: unknown = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

function setAt(root: object, path: Path, value: unknown): void {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) node = (node as Record<string | number, unknown>)[path[i] as string | number];
  (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
}
