// Test-only preload (`node --expose-gc --import`): samples memory the process still holds after a full GC, every 50 ms (a full GC each time: slow, but test-only).
// SIGUSR2 prints {"retainedPeak": bytes} on stderr and starts a new measurement window.
let peak = 0;
const sample = () => {
  globalThis.gc();
  const m = process.memoryUsage();
  peak = Math.max(peak, m.heapUsed + m.external);
};
setInterval(sample, 50).unref();
process.on('SIGUSR2', () => {
  sample();
  process.stderr.write(`${JSON.stringify({ retainedPeak: peak })}\n`);
  peak = 0;
  sample();
});
