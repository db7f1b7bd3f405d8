/** When to retry, and how long to wait. Anchored on the Stainless SDKs' policy. */

/** Statuses worth another attempt: timeouts, rate limits, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Statuses that mean the server did not act on the request, so even a POST may be repeated. */
export function isNotProcessedStatus(status: number): boolean {
  return status === 408 || status === 429;
}

/** Connection failures that happen before any byte of the request was sent. */
const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

export function failedBeforeSending(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECT_CODES.has(code)) return true;
  }
  return false;
}

/** Exponential backoff, 0.5 s doubling to 8 s, less up to 25 % jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** retry, 8_000);
  return Math.round(base * (1 - 0.25 * random()));
}

const EPOCH_SECONDS_2001 = 978_307_200;

/**
 * The wait the server asked for, from `retry-after-ms` or `Retry-After` (seconds or an HTTP date),
 * capped at `capMs`. Undefined when the server gave no usable hint.
 */
export function retryAfterMs(headers: Headers, capMs: number, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms") ?? Number.NaN);
  let wait = Number.isFinite(ms) ? ms : undefined;
  const header = headers.get("retry-after");
  if (wait === undefined && header) {
    const seconds = Number(header);
    // Some servers (Cloud Foundry) send the reset time in epoch seconds instead of a delay.
    if (Number.isFinite(seconds)) wait = seconds > EPOCH_SECONDS_2001 ? seconds * 1000 - now : seconds * 1000;
    else wait = Date.parse(header) - now;
  }
  if (wait === undefined || !Number.isFinite(wait) || wait < 0) return undefined;
  return Math.min(wait, capMs);
}

/** Resolves after `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
