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

export function createPatternGenerator(pattern: string): PatternGenerator | undefined {
  let randexp: WideningRandExp;
  try {
    randexp = new WideningRandExp(pattern);
  } catch {
    return undefined;
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
