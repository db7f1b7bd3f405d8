/**
 * Upload transports. On Node: `node:http(s)`, streaming with backpressure (bounded memory),
 * progress, and a real `Expect: 100-continue` (Node's fetch refuses that header); see `./node.ts`.
 * Elsewhere: fetch with a Blob/FormData body and no Expect header.
 */
import { isNode } from "../env.js";
import type { Attempt, Transport } from "../runtime.js";
import type { StreamBody } from "./body.js";

export interface Progress {
  /** Bytes handed to the connection so far. */
  loaded: number;
  /** Total bytes, when known. */
  total?: number;
}

export interface UploadTransportOptions {
  onProgress?: (progress: Progress) => void;
  /** Send `Expect: 100-continue` and hold the body until the server agrees (Node only). */
  expectContinue?: boolean;
  /** How long to wait for `100 Continue` before sending anyway (servers that ignore Expect). Default 1 s, as curl. */
  expectTimeout?: number;
  fetch?: typeof fetch;
}

export function uploadTransport(options: UploadTransportOptions = {}): Transport<StreamBody> {
  if (!isNode) return (attempt) => fetchUpload(attempt, options);
  // Node-only code is loaded on first use: browser bundles keep it in a chunk they never load.
  return async (attempt) => {
    const node = await import("./node.js");
    // The client's own fetch (a proxy, a dispatcher, mTLS) carries uploads too, streamed.
    return options.fetch ? node.fetchStreamUpload(attempt, options, options.fetch) : node.nodeUpload(attempt, options);
  };
}

async function fetchUpload(attempt: Attempt<StreamBody>, options: UploadTransportOptions): Promise<Response> {
  const body = attempt.body?.toFetchBody?.();
  if (attempt.body && !body) throw new TypeError("On this platform uploads need a Blob or File source");
  const headers = new Headers(attempt.headers);
  headers.delete("expect");
  headers.delete("content-length");
  if (body instanceof FormData) headers.delete("content-type");
  else if (attempt.body) headers.set("content-type", attempt.body.contentType);
  const response = await (options.fetch ?? globalThis.fetch)(attempt.url, {
    method: attempt.method,
    headers,
    body,
    signal: attempt.signal,
    redirect: "error",
  });
  if (attempt.body?.length !== undefined)
    options.onProgress?.({ loaded: attempt.body.length, total: attempt.body.length });
  return response;
}
