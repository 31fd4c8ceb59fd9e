// Makes an answer about what was asked for: properties named like a path parameter (or a query filter) take the
// request's value, identifiers derived from it agree (see derive-siblings.ts), and the schema still has the last word.
import { normalisePropertyName, recogniseIdentifier } from '../identifiers/recognise-identifier.js';
import { cloneJson } from '../clone-json.js';
import type { Locale, ValidateValue } from '../types.js';
import type { CheckedParameter } from '../validate-request.js';
import { collectEchoes, isScalar, type Echo, type Echoes, type Scalar } from './collect-echoes.js';
import { deriveSiblings } from './derive-siblings.js';

type Path = readonly (string | number)[];

interface Change {
  readonly path: Path;
  readonly value: unknown;
  /** Index of the change this one follows from (an echoed SIRET for its NIC): refused with it. */
  readonly basis: number | undefined;
}

/** Where in the answer an object sits: inside a list's items or not, at the resource's own level or deeper. */
interface Scope {
  readonly list: boolean;
  readonly top: boolean;
}

// Wrappers around the resource itself: their members are still "the top" (`{data: {id}}` is about the id asked for).
const ENVELOPES = new Set(['data', 'result', 'item', 'payload', 'content', 'body', 'response', 'record', 'entity', 'meta', 'metadata', 'pagination', 'paging', 'pageinfo']);
// Names too common to mean the request's resource below the top (`owner.id` is not the id in the path).
const GENERIC = new Set(['id', 'uuid', 'guid', 'code', 'codice', 'key', 'name', 'nome', 'nom', 'type', 'tipo', 'slug', 'identifier', 'identifiant', 'identificativo', 'version', 'status', 'stato', 'label', 'title']);

/**
 * The value with the request's identifiers in place. Changes are kept all together when the body stays as valid as
 * it was, else one by one on the same terms: the request's value never breaks the documented shape.
 */
export function echoRequest(value: unknown, parameters: readonly CheckedParameter[], locale: Locale, validate: ValidateValue): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const echoes = collectEchoes(parameters, locale);
  const working = cloneJson(value) as object;
  const changes: Change[] = [];
  walk(working, [], { list: false, top: true }, echoes, changes);
  if (changes.length === 0) return value;
  // A valid result needs no comparison with the original (the usual case: one validation, not two).
  const after = validate(working).length;
  if (after === 0) return working;
  const baseline = validate(value).length;
  if (after <= baseline) return working;

  const result = cloneJson(value) as object;
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

function walk(node: unknown, path: Path, scope: Scope, echoes: Echoes, changes: Change[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], { list: true, top: true }, echoes, changes));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Record<string, unknown>;
  const fromRequest = new Set<string>();
  const changedAt = new Map<string, number>();
  for (const [key, current] of Object.entries(object)) {
    if (!(isScalar(current) || current === null)) continue;
    const echo = applicable(echoes.byName.get(normalisePropertyName(key)), key, scope, echoes.locale);
    const value = echo === undefined ? undefined : convert(echo.value, current);
    if (value === undefined) continue;
    fromRequest.add(key);
    if (value === current) continue;
    object[key] = value;
    changedAt.set(key, changes.length);
    changes.push({ path: [...path, key], value, basis: undefined });
  }
  const siren = echoes.siren !== undefined && (!scope.list || echoes.siren.inLists) ? String(echoes.siren.value) : undefined;
  for (const derived of deriveSiblings(object, { fromRequest, siren, locale: echoes.locale })) {
    object[derived.key] = derived.value;
    changes.push({ path: [...path, derived.key], value: derived.value, basis: derived.from === undefined ? undefined : changedAt.get(derived.from) });
  }
  for (const [key, child] of Object.entries(object)) {
    if (typeof child !== 'object' || child === null) continue;
    walk(child, [...path, key], { list: scope.list, top: scope.top && ENVELOPES.has(normalisePropertyName(key)) }, echoes, changes);
  }
}

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
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
}
