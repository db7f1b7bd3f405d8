/**
 * The upload transports on Node: `node:http(s)`, streaming with backpressure (bounded memory),
 * progress, and a real `Expect: 100-continue` (Node's fetch refuses that header); or the
 * caller's own fetch, streamed. Loaded by `uploadTransport` on first use.
 */
import type { Attempt } from "../runtime.js";
import type { StreamBody } from "./body.js";
import type { UploadTransportOptions } from "./transport.js";

/** Node through a fetch: the body streamed from its chunks as they are pulled (bounded memory), no 100-continue. */
export function fetchStreamUpload(
  attempt: Attempt<StreamBody>,
  options: UploadTransportOptions,
  fetchImpl: typeof fetch,
): Promise<Response> {
  const body = attempt.body;
  const headers = new Headers(attempt.headers);
  headers.delete("expect");
  let stream: ReadableStream<Uint8Array> | undefined;
  if (body) {
    headers.set("content-type", body.contentType);
    if (body.length !== undefined) headers.set("content-length", String(body.length));
    const chunks = body.chunks()[Symbol.asyncIterator]();
    let loaded = 0;
    stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) return controller.close();
        loaded += next.value.byteLength;
        options.onProgress?.({ loaded, total: body.length });
        controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    });
  }
  return fetchImpl(attempt.url, {
    method: attempt.method,
    headers,
    body: stream,
    signal: attempt.signal,
    redirect: "error",
    duplex: "half",
  } as RequestInit);
}

export async function nodeUpload(attempt: Attempt<StreamBody>, options: UploadTransportOptions): Promise<Response> {
  const url = new URL(attempt.url);
  const http = url.protocol === "https:" ? await import("node:https") : await import("node:http");
  const { Readable } = await import("node:stream");
  const body = attempt.body;
  const headers: Record<string, string> = {};
  attempt.headers.forEach((value, name) => {
    headers[name] = value;
  });
  delete headers.expect;
  if (body) {
    headers["content-type"] = body.contentType;
    if (body.length !== undefined) headers["content-length"] = String(body.length);
    else headers["transfer-encoding"] = "chunked";
    if (options.expectContinue) headers.expect = "100-continue";
  }

  return new Promise<Response>((resolve, reject) => {
    const req = http.request(url, { method: attempt.method, headers, signal: attempt.signal });
    let started = false;
    let finished = !body;
    let stopped = false;
    let wake: (() => void) | undefined;
    let waitTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopped = true;
      wake?.();
    };
    req.on("drain", () => wake?.());

    // Chunks are written as they are read, each awaited only when the connection is full; a chunk
    // goes back to its source once it is on the connection (see `OpenedSource.recycle`).
    const sendBody = async () => {
      clearTimeout(waitTimer);
      // Never open the source for a request that already failed (a late 100-continue fallback).
      if (started || !body || req.destroyed) return;
      started = true;
      const chunks = body.chunks()[Symbol.asyncIterator]();
      let loaded = 0;
      try {
        for (let next = await chunks.next(); !next.done && !stopped; next = await chunks.next()) {
          const chunk = next.value;
          loaded += chunk.byteLength;
          options.onProgress?.({ loaded, total: body.length });
          const more = req.write(chunk, (error) => {
            if (!error) body.recycle?.(chunk);
          });
          if (!more && !stopped) await new Promise<void>((resume) => (wake = resume));
        }
        if (!stopped) {
          finished = true;
          req.end();
        }
      } catch (error) {
        req.destroy(error as Error);
      } finally {
        // Closes the file when sending stopped early (an answer, a reset, an abort).
        if (!finished) await chunks.return?.();
      }
    };

    req.on("response", (res) => {
      clearTimeout(waitTimer);
      // A final answer before the body went out (e.g. 401 to Expect): stop sending, do not replay.
      if (!finished) {
        stop();
        res.on("end", () => req.destroy());
      }
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        for (const item of Array.isArray(value) ? value : [value ?? ""]) responseHeaders.append(name, item);
      }
      const status = res.statusCode ?? 0;
      const stream = [204, 205, 304].includes(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      resolve(new Response(stream, { status, statusText: res.statusMessage, headers: responseHeaders }));
    });
    // However the attempt ends (reset, abort, timeout), the fallback timer goes and the source is
    // closed: a failed attempt must not keep a file descriptor or the event loop.
    req.on("error", (error) => {
      clearTimeout(waitTimer);
      reject(error);
    });
    req.on("close", () => {
      clearTimeout(waitTimer);
      stop();
    });

    if (!body) req.end();
    else if (options.expectContinue) {
      req.on("continue", sendBody);
      req.flushHeaders();
      waitTimer = setTimeout(sendBody, options.expectTimeout ?? 1_000);
    } else void sendBody();
  });
}
