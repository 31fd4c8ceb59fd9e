// Generates strings matching a regular expression with randexp, driven by the seeded random source. Prepared once
// per pattern (parsing is the costly part); a caller still tests the result, since lookarounds and \p{…} are ignored.
import RandExpModule from 'randexp';
import type { Rng } from './create-rng.js';

// randexp is CommonJS with `module.exports = RandExp`: Node hands the class itself to a default import, while the
// types describe an `exports.default`; accept both shapes.
type RandExpClass = typeof RandExpModule.default;
type RandExpInstance = InstanceType<RandExpClass>;
const RandExp: RandExpClass = (RandExpModule as unknown as { default?: RandExpClass }).default ?? (RandExpModule as unknown as RandExpClass);

export interface PatternGenerator {
  /**
   * A candidate string; `maxRepeat` caps the repetitions that `*`, `+` and `{n,}` may add beyond their minimum.
   * With `longest`, every repetition takes its largest allowed count: a way to aim at a required length.
   */
  generate(rng: Rng, maxRepeat: number, longest?: boolean): string;
}

// ret's token types.
const SET = 3;
const REPETITION = 5;

/**
 * randexp draws set members from printable ASCII only, so a class like [À-ÿ] would yield nothing: when that
 * intersection is empty, the class's own members are used instead.
 */
class WideningRandExp extends RandExp {
  longest = false;
  rng: Rng | undefined;
  /** A class's expansion depends only on the token (and the fixed default range): built once, not per character. */
  private readonly sets = new Map<object, ReturnType<RandExpInstance['_expand']>>();

  override randInt(a: number, b: number): number {
    return (this.rng as Rng).int(a, b);
  }

  override _gen(token: Parameters<RandExpInstance['_gen']>[0], groups: (string | null)[]): string {
    if (token.type === SET) {
      // What randexp does for a set, with the expansion cached.
      let set = this.sets.get(token);
      if (set === undefined) {
        set = this._expand(token);
        this.sets.set(token, set);
      }
      return set.length === 0 ? '' : String.fromCodePoint(set.index(this.randInt(0, set.length - 1)));
    }
    if (!this.longest || token.type !== REPETITION) return super._gen(token, groups);
    const count = Math.min(token.max, token.min + this.max);
    let out = '';
    for (let i = 0; i < count; i++) out += this._gen(token.value, groups);
    return out;
  }

  override _expand(token: Parameters<RandExpInstance['_expand']>[0]): ReturnType<RandExpInstance['_expand']> {
    const narrow = super._expand(token);
    if (narrow.length > 0 || token.type !== SET || token.not) return narrow;
    const saved = this.defaultRange;
    this.defaultRange = saved.clone().add(0x20, 0xd7ff).add(0xe000, 0xfffd);
    try {
      return super._expand(token);
    } finally {
      this.defaultRange = saved;
    }
  }
}

// The token shapes of ret (randexp's parser) that compileTokens reads.
const ROOT = 0;
const GROUP = 1;
const POSITION = 2;
const REFERENCE = 6;
const CHAR = 7;

interface Token {
  readonly type: number;
  readonly stack?: readonly Token[];
  readonly options?: readonly (readonly Token[])[];
  readonly followedBy?: boolean;
  readonly notFollowedBy?: boolean;
  readonly value?: number | Token;
  readonly min?: number;
  readonly max?: number;
}

type Generate = (rng: Rng, maxRepeat: number, longest: boolean) => string;

class Unsupported extends Error {}

/**
 * The pattern as a tree of closures, made once: what randexp's _gen does on every call (a switch over tokens, set
 * look-ups, string concatenation of single characters) becomes constant text and direct draws. The draws are
 * randexp's own, in the same order (options, set members, repetition counts), so a seed gives the same string.
 * Back-references are left to randexp (its group bookkeeping depends on the first generation).
 */
function compileTokens(token: Token, randexp: WideningRandExp): Generate | string {
  switch (token.type) {
    case ROOT:
    case GROUP: {
      if (token.type === GROUP && (token.followedBy === true || token.notFollowedBy === true)) return '';
      if (token.options !== undefined) {
        const options = token.options.map((stack) => compileSequence(stack, randexp));
        if (options.length === 1) return options[0] as Generate | string;
        const last = options.length - 1;
        return (rng, maxRepeat, longest) => {
          const chosen = options[rng.int(0, last)] as Generate | string;
          return typeof chosen === 'string' ? chosen : chosen(rng, maxRepeat, longest);
        };
      }
      return compileSequence(token.stack ?? [], randexp);
    }
    case POSITION:
      return '';
    case SET: {
      const set = randexp._expand(token as Parameters<RandExpInstance['_expand']>[0]);
      const size = set.length;
      if (size === 0) return '';
      if (size <= 512) {
        const members = Array.from({ length: size }, (_, i) => String.fromCodePoint(set.index(i)));
        if (size === 1) return members[0] as string;
        return (rng) => members[rng.int(0, size - 1)] as string;
      }
      return (rng) => String.fromCodePoint(set.index(rng.int(0, size - 1)));
    }
    case REPETITION: {
      const min = token.min ?? 0;
      const max = token.max ?? min;
      const item = compileTokens(token.value as Token, randexp);
      return (rng, maxRepeat, longest) => {
        const count = longest ? Math.min(max, min + maxRepeat) : rng.int(min, max === Infinity ? min + maxRepeat : max);
        let out = '';
        if (typeof item === 'string') for (let i = 0; i < count; i++) out += item;
        else for (let i = 0; i < count; i++) out += item(rng, maxRepeat, longest);
        return out;
      };
    }
    case CHAR:
      return String.fromCodePoint(token.value as number);
    case REFERENCE:
    default:
      throw new Unsupported();
  }
}

function compileSequence(stack: readonly Token[], randexp: WideningRandExp): Generate | string {
  // Adjacent constant parts (literal text) are joined once.
  const parts: (Generate | string)[] = [];
  for (const token of stack) {
    const part = compileTokens(token, randexp);
    if (part === '') continue;
    const previous = parts[parts.length - 1];
    if (typeof part === 'string' && typeof previous === 'string') parts[parts.length - 1] = previous + part;
    else parts.push(part);
  }
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0] as Generate | string;
  return (rng, maxRepeat, longest) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(rng, maxRepeat, longest);
    return out;
  };
}

export function createPatternGenerator(pattern: string): PatternGenerator | undefined {
  let randexp: WideningRandExp;
  try {
    randexp = new WideningRandExp(pattern);
  } catch {
    return undefined;
  }
  let compiled: Generate | string | undefined;
  try {
    compiled = compileTokens((randexp as unknown as { tokens: Token }).tokens, randexp);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
  }
  if (compiled !== undefined) {
    const generate = compiled;
    return { generate: typeof generate === 'string' ? () => generate : (rng, maxRepeat, longest = false) => generate(rng, maxRepeat, longest) };
  }
  return {
    generate(rng, maxRepeat, longest = false) {
      randexp.max = maxRepeat;
      randexp.longest = longest;
      randexp.rng = rng;
      return randexp.gen();
    },
  };
}
