import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, type ErrorRequestInfo } from "../errors.js";

/**
 * A streamed body that fails with `APIConnectionTimeoutError` when the server sends nothing for
 * `timeout` ms while the reader waits for the next chunk (a slow reader is not a stalled server).
 * The connection is closed then; read errors become typed errors too.
 */
export function idleTimeout(
  response: Response,
  url: string,
  timeout: number,
  timer: AbortController,
  signal: AbortSignal | undefined,
  info: ErrorRequestInfo,
): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const id = setTimeout(() => timer.abort(), timeout);
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          if (signal?.aborted) controller.error(new APIUserAbortError({ request: info }));
          else
            controller.error(
              timer.signal.aborted
                ? new APIConnectionTimeoutError({ request: info, timeoutMs: timeout })
                : new APIConnectionError({ request: info, cause: error }),
            );
        } finally {
          clearTimeout(id);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return withUrl(
    new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }),
    response.url || url,
  );
}

/** A rebuilt Response keeps the URL it came from (redacted where it is kept for errors). */
function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, "url", { value: url });
  return response;
}
