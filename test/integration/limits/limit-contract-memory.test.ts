// The limit contract on the embedded counters (the memory Store).
import { runLimitContract } from './limit-contract.js';

runLimitContract('memory', () => ({ kind: 'memory' }));
