/** Poll until a resource settles: backoff between polls, an overall deadline, abortable. */
import { APIUserAbortError, InvalidParameterError, WaitTimeoutError } from "../errors.js";
import { sleep } from "./retry.js";
import { anySignal } from "./runtime.js";

export interface PollOptions {
  /** First wait between polls in ms. Default 1 000. */
  interval?: number;
  /** Longest wait between polls in ms. Default 10 000. */
  maxInterval?: number;
  /** Growth of the wait per poll. Default 1.5. */
  factor?: number;
  /**
   * Give up after this many ms: a deadline for the whole wait, polls and their retries included
   * (a request's `timeout` is per attempt). Default 300 000 (5 minutes).
   */
  waitTimeout?: number;
  /** Ends the wait with `APIUserAbortError`. */
  signal?: AbortSignal;
}

/**
 * Calls `poll` until `settled` says the value is final, and returns it. `settled` may throw to
 * end the wait with an error (e.g. a failed job). Throws `WaitTimeoutError` at the deadline.
 * `poll` gets the ms left and a signal that fires at the deadline (or when the caller aborts):
 * a poll that hangs or retries is cut off there, not after its own timeout.
 */
export function pollUntil<T, S extends T>(
  what: string,
  poll: (msLeft: number, signal: AbortSignal) => Promise<T>,
  settled: (value: T) => value is S,
  options?: PollOptions,
): Promise<S>;
export function pollUntil<T>(
  what: string,
  poll: (msLeft: number, signal: AbortSignal) => Promise<T>,
  settled: (value: T) => boolean,
  options?: PollOptions,
): Promise<T>;
export async function pollUntil<T>(
  what: string,
  poll: (msLeft: number, signal: AbortSignal) => Promise<T>,
  settled: (value: T) => boolean,
  options: PollOptions = {},
): Promise<T> {
  if ("timeout" in options)
    throw new InvalidParameterError({
      param: "timeout",
      problem: "is per request; the deadline of a wait is `waitTimeout`",
    });
  const { interval = 1_000, maxInterval = 10_000, factor = 1.5, waitTimeout: timeout = 300_000, signal } = options;
  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeout);
  const both = anySignal(signal, deadline.signal);
  let wait = interval;
  let last: T | undefined;
  const stopped = () =>
    signal?.aborted ? new APIUserAbortError() : new WaitTimeoutError({ waitedMs: timeout, lastValue: last, what });
  // Also ends the wait for a poll that ignores the signal.
  const cutOff = new Promise<never>((_, reject) =>
    both.addEventListener("abort", () => reject(stopped()), { once: true }),
  );
  cutOff.catch(() => {});
  try {
    for (;;) {
      if (both.aborted) throw stopped();
      const polled = poll(Math.max(timeout - (Date.now() - started), 1), both);
      const value = await Promise.race([polled, cutOff]).catch((error) => {
        // A poll cut short by the deadline is the wait timing out, not a connection problem.
        throw both.aborted ? stopped() : error;
      });
      last = value;
      if (settled(value)) return value;
      await sleep(wait, both).catch(() => {
        throw stopped();
      });
      wait = Math.min(wait * factor, maxInterval);
    }
  } finally {
    clearTimeout(timer);
  }
}
