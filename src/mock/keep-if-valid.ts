// Improves a generated body one change at a time, keeping a change only if the body stays at least as valid as it was.
import type { ValidateValue } from './types.js';

export interface Fitter {
  /** The best body so far. */
  readonly best: Record<string, unknown>;
  /** Takes `candidate` when it has no more violations than the best so far; says whether it was taken. */
  attempt(candidate: Record<string, unknown>): boolean;
}

export function createFitter(base: Record<string, unknown>, validate: ValidateValue): Fitter {
  let best = base;
  let score = validate(best).length;
  return {
    get best() {
      return best;
    },
    attempt(candidate) {
      const s = validate(candidate).length;
      if (s > score) return false;
      best = candidate;
      score = s;
      return true;
    },
  };
}
