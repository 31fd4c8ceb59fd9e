// Revoked token ids, held in the shared Store so a revocation on one gateway instance holds on all of them.
import type { Store } from '../store/store.js';

/** The Store set of revoked jtis. Members never expire: an admin API that revokes should also prune ids past their exp. */
export const REVOKED_JTI_SET = 'revoked-jti';

export interface RevocationList {
  isRevoked(jti: string): Promise<boolean>;
  revoke(jti: string): Promise<void>;
}

export function createRevocationList(store: Pick<Store, 'isMember' | 'addToSet'>): RevocationList {
  return {
    isRevoked: (jti) => store.isMember(REVOKED_JTI_SET, jti),
    revoke: (jti) => store.addToSet(REVOKED_JTI_SET, jti),
  };
}
