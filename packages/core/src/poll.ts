/** Poll until a resource settles: backoff between polls, an overall deadline, abortable. */
import { APIConnectionTimeoutError, APIUserAbortError, WaitTimeoutError } from "./errors.js";
import { sleep } from "./retry.js";

export interface PollOptions {
  /** First wait between polls in ms. Default 1 000. */
  interval?: number;
  /** Longest wait between polls in ms. Default 10 000. */
  maxInterval?: number;
  /** Growth of the wait per poll. Default 1.5. */
  factor?: number;
  /** Give up after this many ms. Default 300 000 (5 minutes). */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Calls `poll` until `settled` says the value is final, and returns it. `settled` may throw to
 * end the wait with an error (e.g. a failed job). Throws `WaitTimeoutError` at the deadline.
 * `poll` is told the ms left (at least 1 s), so that one slow request cannot overrun the deadline by more.
 */
export async function pollUntil<T>(what: string, poll: (msLeft: number) => Promise<T>, settled: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { interval = 1_000, maxInterval = 10_000, factor = 1.5, timeout = 300_000, signal } = options;
  const started = Date.now();
  let wait = interval;
  let last: T | undefined;
  for (;;) {
    if (signal?.aborted) throw new APIUserAbortError();
    const value = await poll(Math.max(timeout - (Date.now() - started), 1_000)).catch((error) => {
      // A poll cut short by the deadline is the wait timing out, not a connection problem.
      if (error instanceof APIConnectionTimeoutError && Date.now() - started >= timeout) throw new WaitTimeoutError(timeout, last, what);
      throw error;
    });
    last = value;
    if (settled(value)) return value;
    const left = timeout - (Date.now() - started);
    if (left <= 0) throw new WaitTimeoutError(timeout, value, what);
    try {
      await sleep(Math.min(wait, left), signal);
    } catch {
      throw new APIUserAbortError();
    }
    wait = Math.min(wait * factor, maxInterval);
  }
}
