// The header the bench upstream adds when a request reached it with the gateway's Portico-Consumer assertion, so the
// runner can check that the token targets pay for signing one per request (shared by upstream.ts and targets.ts).
export const ASSERTION_SEEN_HEADER = 'x-bench-upstream-saw-assertion';
