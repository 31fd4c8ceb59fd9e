// A small seeded random source (sfc32) derived from a seed string through SHA-256, so a seed gives the same stream
// in every process; Math.random is never used by the mock engine.
import { hash } from 'node:crypto';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive (min and max are rounded inwards). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with the given probability (default one half). */
  bool(probability?: number): boolean;
}

/** The 8 words of SHA-256(seed): the first four seed this generator, the last four faker's (see get-faker.ts). */
export function seedWords(seed: string): number[] {
  // The one-shot hash() costs a third of createHash().update().digest(), and this runs for every generation.
  const digest = hash('sha256', seed, 'buffer');
  const words: number[] = [];
  for (let i = 0; i < 32; i += 4) words.push(digest.readUInt32BE(i));
  return words;
}

/** The sfc32 state: four 32-bit words. */
export type Sfc32State = [number, number, number, number];

/** One sfc32 step on `s` (updated in place): a uniform 32-bit unsigned integer. */
export function sfc32(s: Sfc32State): number {
  // sfc32: fast, passes PractRand for the stream lengths a mock needs, and is trivially portable.
  const a = s[0] >>> 0;
  const b = s[1] >>> 0;
  let c = s[2] >>> 0;
  let d = s[3] >>> 0;
  let t = (a + b) | 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  d = (d + 1) | 0;
  t = (t + d) | 0;
  s[2] = (c + t) | 0;
  s[3] = d;
  return t >>> 0;
}

/** Seeds `s` from four words, then runs a few rounds: seeds that differ in one bit should not start with correlated outputs. */
export function seedSfc32(s: Sfc32State, w0: number | undefined, w1: number | undefined, w2: number | undefined, w3: number | undefined): void {
  s[0] = (w0 ?? 0) >>> 0;
  s[1] = (w1 ?? 0) >>> 0;
  s[2] = (w2 ?? 0) >>> 0;
  s[3] = (w3 ?? 1) >>> 0;
  for (let i = 0; i < 12; i++) sfc32(s);
}

export function createRng(words: readonly number[]): Rng {
  return new Sfc32Rng(words);
}

// A class rather than closures: one is made per generation, and methods on the prototype cost nothing to create.
class Sfc32Rng implements Rng {
  private readonly state: Sfc32State = [0, 0, 0, 0];

  constructor(words: readonly number[]) {
    seedSfc32(this.state, words[0], words[1], words[2], words[3]);
  }

  next(): number {
    return sfc32(this.state) / 4294967296;
  }

  int(min: number, max: number): number {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (hi <= lo) return lo;
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  bool(probability = 0.5): boolean {
    return this.next() < probability;
  }
}
