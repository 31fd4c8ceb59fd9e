// The limit contract on the embedded counters (express-rate-limit's MemoryStore and the memory Store).
import { runLimitContract } from './limit-contract.js';

runLimitContract('memory', () => ({ kind: 'memory' }));
