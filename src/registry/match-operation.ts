// Finds the operation a request (method + path) addresses, with its decoded path parameters.
// A segment trie built once per document keeps each lookup proportional to the path's depth, not the operation count.

import { HTTP_METHODS, type MatchResult, type Operation } from './types.js';

/*
 * Matching rules (strict and predictable, so a 404 from the gateway always means the document does not declare it):
 * - `path` is the request path relative to the API's base (no server prefix); anything from '?' or '#' on is ignored.
 * - Segments are compared after URI-decoding; a malformed %-escape anywhere in the path is not-found, never an error.
 * - Trailing slash is significant: `/a/` matches only a template declared as `/a/`, and `/a` only `/a`. A gateway
 *   that redirected or aliased them would invent routes the agency did not publish.
 * - A template parameter matches one whole, non-empty segment (never across '/'); a decoded `%2F` stays inside it.
 * - At each segment: literal beats mixed (`{file}.{ext}`, `v{version}`; more literal characters first) beats a pure
 *   parameter `{id}`. When a branch dead-ends, or declares no operation for the method, the next branch is tried,
 *   so `GET /users/me` and `DELETE /users/{id}` both work for `/users/me`.
 * - In a mixed segment every parameter is greedy, so `{file}.{ext}` on `a.b.c` gives file `a.b`, ext `c`.
 * - HEAD falls back to GET when a path declares no HEAD; the Allow list of a 405 then includes HEAD as well.
 * - Two templates with the same shape (`/a/{id}` and `/a/{name}`) and method: the first operation given wins.
 */

interface Endpoint {
  readonly operation: Operation;
  /** Names for the captured values, in capture order. */
  readonly names: readonly string[];
}

interface MixedEdge {
  readonly regex: RegExp;
  readonly literalLength: number;
  readonly node: TrieNode;
}

interface TrieNode {
  readonly literals: Map<string, TrieNode>;
  readonly mixed: MixedEdge[];
  param: TrieNode | undefined;
  /** Upper-case method → endpoint; present only where some template ends. */
  endpoints: Map<string, Endpoint> | undefined;
}

type SegmentPattern =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'mixed'; readonly source: string; readonly names: readonly string[]; readonly literalLength: number };

const METHOD_ORDER = HTTP_METHODS.map((m) => m.toUpperCase());

export function createOperationMatcher(operations: readonly Operation[]): (method: string, path: string) => MatchResult {
  const root = newNode();
  for (const operation of operations) insert(root, operation);

  return (method, path) => {
    const segments = splitRequestPath(path);
    if (segments === undefined) return { kind: 'not-found' };
    const search: Search = { segments, wanted: method.toUpperCase(), captures: [], allow: undefined, pathExists: false, endpoint: undefined, values: undefined };
    visit(search, root, 0);
    const { endpoint, values } = search;
    if (endpoint !== undefined && values !== undefined) {
      const params: Record<string, string> = {};
      for (let i = 0; i < endpoint.names.length; i++) {
        const name = endpoint.names[i]!;
        // Defined, not assigned, for `__proto__`: a parameter of that name stays an own property, never the prototype.
        if (name === '__proto__') Object.defineProperty(params, name, { value: values[i] ?? '', enumerable: true, writable: true, configurable: true });
        else params[name] = values[i] ?? '';
      }
      return { kind: 'match', operation: endpoint.operation, params };
    }
    if (!search.pathExists) return { kind: 'not-found' };
    const allow = search.allow ?? new Set<string>();
    if (allow.has('GET')) allow.add('HEAD');
    return { kind: 'method-not-allowed', allow: sortMethods(allow) };
  };
}

/** One lookup's state, passed down the recursion (a per-request closure would cost more than the walk). */
interface Search {
  readonly segments: readonly string[];
  readonly wanted: string;
  readonly captures: string[];
  allow: Set<string> | undefined;
  pathExists: boolean;
  endpoint: Endpoint | undefined;
  values: string[] | undefined;
}

/** Depth-first in precedence order; stops at the first node that serves the method. */
function visit(search: Search, node: TrieNode, index: number): boolean {
  const { segments, captures } = search;
  if (index === segments.length) {
    if (node.endpoints === undefined) return false;
    search.pathExists = true;
    const endpoint = node.endpoints.get(search.wanted) ?? (search.wanted === 'HEAD' ? node.endpoints.get('GET') : undefined);
    if (endpoint !== undefined) {
      search.endpoint = endpoint;
      search.values = captures.slice();
      return true;
    }
    search.allow ??= new Set<string>();
    for (const m of node.endpoints.keys()) search.allow.add(m);
    return false;
  }
  const segment = segments[index]!;
  const literal = node.literals.get(segment);
  if (literal !== undefined && visit(search, literal, index + 1)) return true;
  for (const edge of node.mixed) {
    const m = edge.regex.exec(segment);
    if (m === null) continue;
    const groups = m.length - 1;
    for (let g = 1; g <= groups; g++) captures.push(m[g]!);
    if (visit(search, edge.node, index + 1)) return true;
    captures.length -= groups;
  }
  if (node.param !== undefined && segment !== '') {
    captures.push(segment);
    if (visit(search, node.param, index + 1)) return true;
    captures.pop();
  }
  return false;
}

function newNode(): TrieNode {
  return { literals: new Map(), mixed: [], param: undefined, endpoints: undefined };
}

function insert(root: TrieNode, operation: Operation): void {
  let node = root;
  const names: string[] = [];
  for (const raw of templateSegments(operation.pathTemplate)) {
    const pattern = parseSegment(raw);
    if (pattern.kind === 'literal') {
      let next = node.literals.get(pattern.text);
      if (next === undefined) node.literals.set(pattern.text, (next = newNode()));
      node = next;
    } else if (pattern.kind === 'param') {
      node = node.param ??= newNode();
      names.push(pattern.name);
    } else {
      // Same shape, different names (`{a}.{b}` and `{x}.{y}`) share one edge; names live on the endpoint.
      let edge = node.mixed.find((e) => e.regex.source === pattern.source);
      if (edge === undefined) {
        edge = { regex: new RegExp(pattern.source, 's'), literalLength: pattern.literalLength, node: newNode() };
        node.mixed.push(edge);
        node.mixed.sort((a, b) => b.literalLength - a.literalLength);
      }
      node = edge.node;
      names.push(...pattern.names);
    }
  }
  const endpoints = (node.endpoints ??= new Map());
  const method = operation.method.toUpperCase();
  if (!endpoints.has(method)) endpoints.set(method, { operation, names });
}

/** `/a/b/` → ['a', 'b', '']; `/` → ['']: the same split as request paths, so trailing slashes line up exactly. */
function templateSegments(template: string): string[] {
  const body = template.startsWith('/') ? template.slice(1) : template;
  return body.split('/');
}

function splitRequestPath(path: string): string[] | undefined {
  const query = path.indexOf('?');
  const fragment = path.indexOf('#');
  const cut = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  const body = path.slice(path.charCodeAt(0) === 47 /* '/' */ ? 1 : 0, cut === -1 ? undefined : cut);
  const segments = body.split('/');
  if (!body.includes('%')) return segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (!segment.includes('%')) continue;
    try {
      segments[i] = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
  }
  return segments;
}

/** Template literals are decoded like request segments, so `/caf%C3%A9` in a document and `/café` compare alike. */
function parseSegment(raw: string): SegmentPattern {
  const pure = /^\{([^{}]+)\}$/.exec(raw);
  if (pure !== null) return { kind: 'param', name: pure[1] as string };
  // Unbalanced braces are not a template: treat the segment as literal text rather than refuse the document.
  if (!/\{[^{}]+\}/.test(raw) || /[{}]/.test(raw.replace(/\{[^{}]+\}/g, ''))) return { kind: 'literal', text: safeDecode(raw) };
  const names: string[] = [];
  let source = '^';
  let literalLength = 0;
  for (const part of raw.split(/(\{[^{}]+\})/)) {
    if (part === '') continue;
    if (part.startsWith('{') && part.endsWith('}')) {
      names.push(part.slice(1, -1));
      source += '(.+)';
    } else {
      const text = safeDecode(part);
      literalLength += text.length;
      source += text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { kind: 'mixed', source: `${source}$`, names, literalLength };
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sortMethods(methods: ReadonlySet<string>): string[] {
  const known = METHOD_ORDER.filter((m) => methods.has(m));
  return [...known, ...[...methods].filter((m) => !METHOD_ORDER.includes(m)).sort()];
}
