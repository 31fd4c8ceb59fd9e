// Test-only preload (`node --expose-gc --import`): samples memory the process still holds after a full GC, every 20 ms.
// SIGUSR2 prints {"retainedPeak": bytes} on stderr and starts a new measurement window.
let peak = 0;
const sample = () => {
  globalThis.gc();
  const m = process.memoryUsage();
  peak = Math.max(peak, m.heapUsed + m.external);
};
setInterval(sample, 20).unref();
process.on('SIGUSR2', () => {
  sample();
  process.stderr.write(`${JSON.stringify({ retainedPeak: peak })}\n`);
  peak = 0;
  sample();
});
