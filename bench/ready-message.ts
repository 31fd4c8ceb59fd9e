// The one IPC message a bench server child sends its parent once it listens, and the helper that sends it.

export interface ReadyMessage {
  readonly kind: 'ready';
  /** Base URL the child listens on, e.g. http://127.0.0.1:40123. */
  readonly url: string;
}

export function isReadyMessage(value: unknown): value is ReadyMessage {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'ready' && typeof (value as { url?: unknown }).url === 'string';
}

/** Tells the parent we listen; exits when the parent goes away, so no child outlives an interrupted run. */
export function announceReady(url: string): void {
  if (!process.send) throw new Error('bench servers run as forked children (an IPC channel is required)');
  const message: ReadyMessage = { kind: 'ready', url };
  process.send(message);
  process.once('disconnect', () => process.exit(0));
}
