// Revoked token ids, held in the shared Store so a revocation on one gateway instance holds on all of them.
// Each instance remembers its recent answers for `recheckMs`, so steady traffic on a token asks the Store about it
// once per interval instead of once per request; a revocation made here is known here at once.
import type { Store } from '../store/store.js';

/** The Store set of revoked jtis. Members never expire: an admin API that revokes should also prune ids past their exp. */
export const REVOKED_JTI_SET = 'revoked-jti';

export interface RevocationList {
  /** Whether `jti` is revoked: from the Store, or from this instance's answer of less than `recheckMs` ago. Rejects when the Store fails. */
  isRevoked(jti: string): boolean | Promise<boolean>;
  revoke(jti: string): Promise<void>;
}

export interface RevocationListOptions {
  /**
   * How long an answer from the Store is reused, in ms: the longest a revocation made on another instance takes to be
   * seen here (tokens.revocationCheckSeconds). 0 asks the Store on every call.
   */
  recheckMs?: number;
  /** Epoch ms. */
  clock?: () => number;
  /** Answers remembered at most (the oldest go first). */
  maxEntries?: number;
}

interface Answer {
  readonly revoked: boolean;
  readonly checkedAt: number;
}

export function createRevocationList(store: Pick<Store, 'isMember' | 'addToSet'>, options: RevocationListOptions = {}): RevocationList {
  const recheckMs = options.recheckMs ?? 0;
  const clock = options.clock ?? Date.now;
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const answers = new Map<string, Answer>();
  // Concurrent requests on one token whose answer is due share one Store call.
  const pending = new Map<string, Promise<boolean>>();

  function remember(jti: string, answer: Answer): void {
    answers.delete(jti);
    if (answers.size >= maxEntries) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    answers.set(jti, answer);
  }

  return {
    isRevoked(jti) {
      if (recheckMs <= 0) return store.isMember(REVOKED_JTI_SET, jti);
      const known = answers.get(jti);
      // A revocation is never undone, so a "revoked" answer holds for good.
      if (known !== undefined && (known.revoked || clock() - known.checkedAt < recheckMs)) return known.revoked;
      const inFlight = pending.get(jti);
      if (inFlight) return inFlight;
      const asked = store
        .isMember(REVOKED_JTI_SET, jti)
        .then((revoked) => {
          // A revoke() here while the Store was answering wins over that (older) answer.
          if (answers.get(jti)?.revoked) return true;
          remember(jti, { revoked, checkedAt: clock() });
          return revoked;
        })
        .finally(() => pending.delete(jti));
      pending.set(jti, asked);
      return asked;
    },
    async revoke(jti) {
      await store.addToSet(REVOKED_JTI_SET, jti);
      remember(jti, { revoked: true, checkedAt: clock() });
    },
  };
}
