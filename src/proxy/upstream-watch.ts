// The per-API upstream timeout for the common exchange (no request body, a small response), kept by one coarse sweep
// instead of a socket timer per request: node's ClientRequest.setTimeout adds and removes several listeners and
// re-arms a timer on every socket read or write, which cost ~3.5 % of a proxied GET in the bench.
//
// Semantics: an exchange is cut when nothing happened on it for `timeoutMs` (measured from when the request was
// sent, and again from when the response headers arrived), checked every `tickMs`, so it is cut between timeoutMs and
// timeoutMs + tickMs. Exchanges that stream a body (uploads, large or chunked responses) leave the watch for node's
// exact socket idle timeout, so a slow but steady 20 MB transfer is never cut while a silent one is.

export interface UpstreamWatch<T> {
  /** Starts (or restarts) the silence clock of an exchange. */
  touch(exchange: T): void;
  /** Stops watching an exchange (it ended, failed, or moved to a socket timeout). */
  release(exchange: T): void;
  /** Exchanges watched now (for tests). */
  readonly size: number;
  /** Stops the sweep. */
  close(): void;
}

export interface UpstreamWatchOptions<T> {
  timeoutMs: number;
  /** Called once for an exchange silent for timeoutMs (it is no longer watched). */
  onTimeout(exchange: T): void;
  /** Sweep period; default a tenth of the timeout, between 25 ms and 1 s. */
  tickMs?: number;
  /** Monotonic ms. */
  now?: () => number;
}

export function createUpstreamWatch<T>(options: UpstreamWatchOptions<T>): UpstreamWatch<T> {
  const { timeoutMs } = options;
  const tickMs = options.tickMs ?? Math.min(1000, Math.max(25, Math.floor(timeoutMs / 10)));
  const now = options.now ?? (() => performance.now());
  // Insertion order is touch order, so the sweep can stop at the first exchange that is not due yet.
  const watched = new Map<T, number>();
  let timer: NodeJS.Timeout | undefined;

  function sweep(): void {
    const dueBefore = now() - timeoutMs;
    const expired: T[] = [];
    for (const [exchange, since] of watched) {
      if (since > dueBefore) break;
      expired.push(exchange);
    }
    for (const exchange of expired) {
      watched.delete(exchange);
      options.onTimeout(exchange);
    }
    if (watched.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  return {
    touch(exchange) {
      watched.delete(exchange); // re-inserted at the end: the map stays in touch order
      watched.set(exchange, now());
      if (timer === undefined) {
        timer = setInterval(sweep, tickMs);
        timer.unref();
      }
    },
    release(exchange) {
      watched.delete(exchange);
    },
    get size() {
      return watched.size;
    },
    close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      watched.clear();
    },
  };
}
