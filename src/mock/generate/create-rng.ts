// A small seeded random source (sfc32) derived from a seed string through SHA-256, so a seed gives the same stream
// in every process; Math.random is never used by the mock engine.
import { createHash } from 'node:crypto';

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

/** The 8 words of SHA-256(seed): four seed this generator, and all of them seed faker. */
export function seedWords(seed: string): number[] {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  const words: number[] = [];
  for (let i = 0; i < 32; i += 4) words.push(digest.readUInt32BE(i));
  return words;
}

export function createRng(words: readonly number[]): Rng {
  let a = (words[0] ?? 0) >>> 0;
  let b = (words[1] ?? 0) >>> 0;
  let c = (words[2] ?? 0) >>> 0;
  let d = (words[3] ?? 1) >>> 0;
  const next = (): number => {
    // sfc32: fast, passes PractRand for the stream lengths a mock needs, and is trivially portable.
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // A few rounds first: seeds that differ in one bit should not start with correlated outputs.
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (hi <= lo) return lo;
    return lo + Math.floor(next() * (hi - lo + 1));
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    bool: (probability = 0.5) => next() < probability,
  };
}
