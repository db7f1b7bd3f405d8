/** The options of clients, calls and transfers: one name for one meaning across every provider. */
import type { Dispatcher } from "undici";
import type { Logger, LogLevel } from "./internal/log.js";
import type { Progress } from "./internal/upload/transport.js";

/** Options every pkgapi client accepts. */
export interface ClientOptions {
  /** The API's base URL; each provider has a default. */
  baseUrl?: string;
  /**
   * Milliseconds one attempt may take, response body included. Default 60 000. A streamed body
   * (a download) may take longer as a whole, but never waits more than this for its next chunk.
   */
  timeout?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** The longest server-requested wait (Retry-After) honoured, in ms. Default 60 000. */
  maxRetryAfter?: number;
  /** A fetch implementation (proxies, mTLS, tests); it carries every request, uploads and downloads too. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Node: an undici `Dispatcher` (`ProxyAgent`, an `Agent` with TLS options, …) for every request.
   * Without it (and without `fetch`), HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured.
   */
  dispatcher?: Dispatcher;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Appended to pkgapi's own User-Agent. */
  userAgent?: string;
  /** Where log lines go. Default `console`. */
  logger?: Logger;
  /** Default `warn`, or the `PKGAPI_LOG` environment variable. */
  logLevel?: LogLevel;
}

/** Options of a single call. */
export interface RequestOptions {
  /** Aborts the call (every attempt and the wait between them) with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Milliseconds one attempt of this call may take; overrides the client's `timeout`. */
  timeout?: number;
  /** Retries after the first attempt for this call; overrides the client's `maxRetries`. */
  maxRetries?: number;
  /** Headers for this call, over the client's `headers`. */
  headers?: Record<string, string>;
  /** Called with the status, headers and final URL of the successful answer (request ids, rate limits, ETags); see `withResponse`. */
  onResponse?: (response: ResponseInfo) => void;
}

/** The HTTP answer behind a successful call. */
export interface ResponseInfo {
  /** The HTTP status, e.g. 200. */
  status: number;
  /** The status text, without any echo of the token. */
  statusText: string;
  /** The response headers (secret-bearing ones redacted). */
  headers: Headers;
  /** The URL that answered (after redirects). */
  url: string;
}

/** Options of a call that moves a body (upload or download): a request's options and its progress. */
export interface TransferOptions extends RequestOptions {
  /** Called as bytes are sent or received, with `{ loaded, total }` (`total` when it is known). */
  onProgress?: (progress: Progress) => void;
}
