/**
 * The request pipeline every pkgapi client goes through: credentials (for the API's own origin
 * only), timeouts, retries with backoff and Retry-After, redirects, typed errors, redacted logs.
 * The generated clients plug in through `runtime.fetch()`, a drop-in `fetch`.
 */

import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type ErrorRequestInfo,
  InvalidParameterError,
  InvalidResponseError,
  PkgapiError,
  type RateLimitInfo,
} from "../errors.js";
import type { ClientOptions, RequestOptions } from "../options.js";
import { type Token, TokenState } from "../token.js";
import { BufferedResponse } from "./buffered.js";
import { CallRequest } from "./call-request.js";
import { isNode } from "./env.js";
import { type Logger, levelledLogger, logLevelFromEnv, redactHeaders, redactSecrets, SECRET_HEADERS } from "./log.js";
import { transportFetch } from "./proxy.js";
import {
  backoffMs,
  failedBeforeSending,
  isNotProcessedStatus,
  isRetryableStatus,
  retryAfterMs,
  sleep,
} from "./retry.js";

/** What a provider tells the runtime about its API. */
export interface ProviderProfile {
  /** Package name, e.g. `@pkgapi/fastly`. */
  name: string;
  version: string;
  /** Absent for APIs without one public host (each Cloud Foundry has its own): `baseUrl` is then required. */
  defaultBaseUrl?: string;
  /** The header carrying the credential, and its value for a token. */
  auth?: { header: string; value(token: string): string };
  /** Finds the human message, and the provider's error code if any, in the provider's error body. */
  errorMessage(body: unknown): { message?: string; detail?: string; code?: string | number };
  requestIdHeaders?: readonly string[];
  rateLimit?(headers: Headers): RateLimitInfo | undefined;
  /** Warnings the API sent with an answer (e.g. Cloud Foundry's `X-Cf-Warnings`); each is logged at `warn`. */
  warnings?(headers: Headers): string[];
}

/** One request as the runtime sends it; `body` is called anew for every attempt. */
export interface SendRequest<Body = BodyInit> {
  method: string;
  /** Absolute, or relative to the base URL. */
  url: string;
  headers?: HeadersInit;
  body?: () => Body;
  /** False when the body can be produced only once (a one-shot stream): never retried once sent. */
  replayable?: boolean;
  /** Safe to repeat. Default: GET, HEAD, PUT, DELETE, OPTIONS. */
  idempotent?: boolean;
  /** Leave the response body unread (downloads). */
  stream?: boolean;
  /** Sends one attempt; default is fetch. */
  transport?: Transport<Body>;
  /**
   * `client` (default): the client's token and default headers, on the API's origin only.
   * `request`: only this request's own headers, as given, to any origin (e.g. an upload URL
   * that a registry handed out with its own `authorization`).
   */
  credentials?: "client" | "request";
}

export interface Attempt<Body> {
  method: string;
  url: string;
  headers: Headers;
  body?: Body;
  signal: AbortSignal;
}
export type Transport<Body> = (attempt: Attempt<Body>) => Promise<Response>;

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
const MAX_REDIRECTS = 5;
/** Real Node (Bun and Deno emulate node:http; their own fetch is the fast path there). */
const isRealNode = isNode && !process.versions.bun && !("Deno" in globalThis);
// Node-only code is loaded on first use: browser bundles keep it in a chunk they never load.
let nodeTransportModule: Promise<typeof import("./node-transport.js")> | undefined;
function loadNodeTransport() {
  nodeTransportModule ??= import("./node-transport.js");
  return nodeTransportModule;
}

export class Runtime {
  readonly baseUrl: string;
  /** The base URL's origin: the only origin that receives the credential. */
  readonly origin: string;
  readonly profile: ProviderProfile;
  readonly log: Logger;
  readonly #options: ClientOptions;
  readonly #token?: TokenState;
  readonly #secrets: string[];
  readonly #userAgent?: string;
  readonly #fetch?: typeof fetch;
  readonly #debug: boolean;

  /** `token`: a string, or a function asked for a fresh one when the API answers 401 (see `TokenProvider`). */
  constructor(profile: ProviderProfile, options: ClientOptions = {}, token?: Token) {
    this.profile = profile;
    this.#options = options;
    const baseUrl = options.baseUrl ?? profile.defaultBaseUrl;
    const parsed = baseUrl && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) {
      throw new InvalidParameterError({
        param: "baseUrl",
        problem: `must be the http(s) URL of the API, with no query or fragment, got ${JSON.stringify(baseUrl ?? null)}`,
      });
    }
    this.baseUrl = parsed.href.replace(/\/+$/, "");
    this.origin = parsed.origin;
    checkLimits(options);
    if (isNode) {
      const agent = `${profile.name.replace("@", "").replace("/", "-")}/${profile.version} node/${process.versions.node}`;
      this.#userAgent = options.userAgent ? `${agent} ${options.userAgent}` : agent;
    }
    this.#fetch = transportFetch(options);
    this.#secrets = [];
    if (token && profile.auth) {
      const secret = (value: string) => void (value && !this.#secrets.includes(value) && this.#secrets.push(value));
      // Token endpoints are called through the same transport, with only their own headers.
      const tokenFetch: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        const body = request.body ? await request.arrayBuffer() : undefined;
        return this.send({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: body && (() => body),
          credentials: "request",
        });
      };
      this.#token = new TokenState(token, { fetch: tokenFetch, secret });
    }
    const level = options.logLevel ?? logLevelFromEnv() ?? "warn";
    this.#debug = level === "debug";
    this.log = levelledLogger(options.logger ?? console, level, () => this.#secrets);
    if (this.#token && parsed.protocol === "http:" && !isLoopback(parsed.hostname)) {
      this.log.warn(
        `${profile.name}: the token is sent over plain http:// to ${parsed.host}, where anyone on the path can read it; use https://`,
      );
    }
  }

  /** The fetch every request goes through when the caller configured one (a fetch, a dispatcher, a proxy); else undefined. */
  get fetchImplementation(): typeof fetch | undefined {
    return this.#fetch;
  }

  /** An `InvalidResponseError` for a 2xx answer whose shape the facade cannot use, without echoes of the token. */
  invalidResponse(response: Response, problem: string, method = "GET"): InvalidResponseError {
    const request = { method, url: this.redact(response.url) };
    return new InvalidResponseError({
      status: response.status,
      headers: this.#redactedHeaders(response.headers),
      request,
      problem: this.redact(problem),
    });
  }

  /** Removes the token from text that is about to leave the client (messages, bodies). */
  redact(text: string): string {
    return redactSecrets(text, this.#secrets);
  }

  /**
   * A `fetch` for the generated clients. With `throwOnError` (the default) a non-2xx answer
   * becomes a typed `APIError`; without it the response is handed back, as openapi-fetch expects.
   */
  fetch(options: RequestOptions & { throwOnError?: boolean } = {}): typeof fetch {
    return async (input, init) => {
      if (input instanceof CallRequest) {
        const { method, url, headers, body } = input;
        return this.send(
          { method, url, headers, body: body === undefined ? undefined : () => body },
          { ...options, signal: input.signal ? anySignal(options.signal, input.signal) : options.signal },
        );
      }
      const request = input instanceof Request && !init ? input : new Request(input, init);
      // Buffer the (small, JSON) body once so that every attempt can send it again.
      const body = request.body ? await request.arrayBuffer() : undefined;
      return this.send(
        { method: request.method, url: request.url, headers: request.headers, body: body && (() => body) },
        { ...options, signal: anySignal(options.signal, request.signal) },
      );
    };
  }

  /** Sends a request through the whole pipeline. */
  async send<Body = BodyInit>(
    req: SendRequest<Body>,
    options: RequestOptions & { throwOnError?: boolean } = {},
  ): Promise<Response> {
    checkLimits(options);
    const method = req.method.toUpperCase();
    const maxRetries = options.maxRetries ?? this.#options.maxRetries ?? 2;
    const timeout = options.timeout ?? this.#options.timeout ?? 60_000;
    const idempotent = req.idempotent ?? IDEMPOTENT.has(method);
    // On Node with no fetch, dispatcher or proxy of the caller's, in-memory bodies take node:http.
    const transport =
      req.transport ??
      ((this.#fetch || req.stream || !isRealNode ? this.#fetchTransport : this.#nodeTransport) as Transport<Body>);
    // A path is relative to the base URL's own path too (an API gateway at https://gw.example.com/fastly).
    let url = new URL(/^\/(?!\/)/.test(req.url) ? `${this.baseUrl}${req.url}` : req.url, `${this.baseUrl}/`).href;
    let current = { method, body: req.body };
    let redirects = 0;
    let refreshed = false;

    for (let attempt = 0; ; attempt++) {
      const info: ErrorRequestInfo = { method: current.method, url: this.redact(url) };
      // Credentials go to the API's own origin only, never to a redirect target elsewhere.
      const sameOrigin = new URL(url).origin === this.origin;
      const token =
        req.credentials !== "request" && this.#token && sameOrigin ? await this.#token.current() : undefined;
      const headers = this.#headers(sameOrigin, req, options.headers, attempt, token);
      const timer = new AbortController();
      const signal = options.signal ? anySignal(options.signal, timer.signal) : timer.signal;
      let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => timer.abort(), timeout);
      let bodySent = false;
      let response: Response;
      if (this.#debug)
        this.log.debug(`→ ${info.method} ${info.url}${attempt ? ` (retry ${attempt})` : ""}`, redactHeaders(headers));
      try {
        const body = current.body?.();
        bodySent = body !== undefined;
        response = await transport({ method: current.method, url, headers, body, signal });
        if (!req.stream || !response.ok) response = await this.#buffered(response, headers, info);
        else {
          clearTimeout(timeoutId);
          timeoutId = undefined;
          // Downloads only: loaded on first use, as the Node-only transports.
          const { idleTimeout } = await import("./idle-timeout.js");
          response = idleTimeout(response, url, timeout, timer, options.signal, info);
        }
      } catch (error) {
        if (options.signal?.aborted) throw new APIUserAbortError({ request: info });
        if (error instanceof PkgapiError) throw error;
        const failure = timer.signal.aborted
          ? new APIConnectionTimeoutError({ request: info, timeoutMs: timeout })
          : new APIConnectionError({ request: info, cause: error });
        const safe = idempotent || failedBeforeSending(error);
        if (attempt < maxRetries && safe && (req.replayable !== false || !bodySent)) {
          await this.#wait(backoffMs(attempt), `${failure.message}`, options.signal, info);
          continue;
        }
        throw failure;
      } finally {
        clearTimeout(timeoutId);
      }
      if (this.#debug) this.log.debug(`← ${response.status} ${info.method} ${info.url}`);

      if (REDIRECTS.has(response.status) && response.headers.has("location")) {
        if (++redirects > MAX_REDIRECTS)
          throw new APIConnectionError({ request: info, message: `Too many redirects (${info.method} ${info.url})` });
        const next = new URL(response.headers.get("location") as string, url).href;
        // 303, and 301/302 after a POST, turn into a body-less GET (as browsers do).
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && current.method === "POST")
        ) {
          current = { method: "GET", body: undefined };
        } else if (current.body && req.replayable === false) {
          throw new APIConnectionError({
            request: info,
            message: `Cannot follow a ${response.status} redirect with a one-shot request body (${info.method} ${info.url})`,
          });
        }
        await response.body?.cancel();
        url = next;
        attempt--;
        continue;
      }

      // An expired token: ask the token function once for a fresh one and send again.
      if (
        response.status === 401 &&
        token !== undefined &&
        this.#token?.refreshable &&
        !refreshed &&
        (req.replayable !== false || !bodySent)
      ) {
        refreshed = true;
        this.log.info(`${info.method} ${info.url}: 401, refreshing the token`);
        await this.#token.refresh(token);
        attempt--;
        continue;
      }

      if (!response.ok) {
        const retryable = isRetryableStatus(response.status) && (idempotent || isNotProcessedStatus(response.status));
        if (attempt < maxRetries && retryable && (req.replayable !== false || !bodySent)) {
          const capMs = this.#options.maxRetryAfter ?? 60_000;
          const wait =
            retryAfterMs(response.headers, capMs) ?? this.#rateLimitWait(response.headers, capMs) ?? backoffMs(attempt);
          await this.#wait(wait, `${response.status}`, options.signal, info);
          continue;
        }
        if (options.throwOnError === false) return response;
        throw await this.#apiError(response, info);
      }
      this.#warn(response, info);
      options.onResponse?.({
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        url,
      });
      return response;
    }
  }

  #nodeTransport: Transport<BodyInit> = async (attempt) =>
    (await loadNodeTransport()).nodeTransport(
      attempt,
      this.#fetchTransport,
      (bytes, init) => new BufferedResponse(bytes, init, attempt.url),
    );

  #fetchTransport: Transport<BodyInit> = ({ method, url, headers, body, signal }) => {
    // Node's fetch throws on an Expect header; uploads that want 100-continue use the upload transport.
    headers.delete("expect");
    const stream = typeof ReadableStream !== "undefined" && body instanceof ReadableStream;
    return (this.#fetch ?? globalThis.fetch)(url, {
      method,
      headers,
      body,
      signal,
      // Node's fetch buffers a whole stream body unless redirects are errors (undici#4058); other
      // requests follow redirects here, where credentials are dropped per origin and bodies re-sent.
      redirect: stream ? "error" : isNode ? "manual" : "follow",
      ...(stream ? { duplex: "half" } : {}),
    } as RequestInit);
  };

  #headers(
    sameOrigin: boolean,
    req: Pick<SendRequest, "headers" | "credentials">,
    callHeaders: HeadersInit | undefined,
    attempt: number,
    token?: string,
  ): Headers {
    const ownHeadersOnly = req.credentials === "request";
    const headers = new Headers({ accept: "application/json" });
    for (const source of [ownHeadersOnly ? undefined : this.#options.headers, req.headers, callHeaders]) {
      if (source)
        (source instanceof Headers ? source : new Headers(source)).forEach((value, name) => {
          headers.set(name, value);
        });
    }
    if (this.#userAgent) headers.set("user-agent", this.#userAgent);
    if (attempt > 0) headers.set("x-pkgapi-retry-count", String(attempt));
    if (ownHeadersOnly) return headers;
    if (!sameOrigin) for (const name of SECRET_HEADERS) headers.delete(name);
    else if (token !== undefined && this.profile.auth)
      headers.set(this.profile.auth.header, this.profile.auth.value(token));
    return headers;
  }

  #warn(response: Response, info: ErrorRequestInfo) {
    for (const warning of this.profile.warnings?.(response.headers) ?? [])
      this.log.warn(`${info.method} ${info.url}: ${warning}`);
  }

  #rateLimitWait(headers: Headers, capMs: number): number | undefined {
    const resetAt = this.profile.rateLimit?.(headers)?.resetAt;
    if (!resetAt) return undefined;
    const wait = resetAt.getTime() - Date.now();
    return wait >= 0 && wait <= capMs ? wait : undefined;
  }

  async #wait(ms: number, reason: string, signal: AbortSignal | undefined, info: ErrorRequestInfo) {
    this.log.info(`retrying ${info.method} ${info.url} in ${ms} ms (${reason})`);
    try {
      await sleep(ms, signal);
    } catch {
      throw new APIUserAbortError({ request: info });
    }
  }

  async #apiError(response: Response, request: ErrorRequestInfo): Promise<APIError> {
    const text = this.redact(await response.text().catch(() => ""));
    let body: unknown = text;
    // Parsed whatever the content type says: Cloud Foundry's rate limiter sends its JSON as text/plain.
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML page, a plain-text message): keep the text.
    }
    const found = typeof body === "object" && body !== null ? this.profile.errorMessage(body) : {};
    const snippet = typeof body === "string" && body.trim() ? body.trim().slice(0, 200) : undefined;
    return APIError.for({
      status: response.status,
      headers: this.#redactedHeaders(response.headers),
      body,
      message: found.message ?? (this.redact(response.statusText) || httpReason(response.status)),
      detail: found.detail ?? snippet,
      code: found.code,
      request,
      requestId: this.profile.requestIdHeaders?.map((name) => response.headers.get(name)).find(Boolean) ?? undefined,
      rateLimit: this.profile.rateLimit?.(response.headers),
    });
  }

  /**
   * Reads the whole body now, inside the attempt's timeout, so that a reset mid-body can be
   * retried. A 2xx answer to a request for JSON must not be a text page (a proxy's or a login
   * form), and a JSON answer must parse; other types (a zip download) are the operation's business.
   * The JSON is parsed once, here: the answer's `json()` hands over that value.
   */
  async #buffered(response: Response, sent: Headers, info: ErrorRequestInfo): Promise<Response> {
    const transported = response instanceof BufferedResponse;
    const bytes = transported
      ? response.content
      : NULL_BODY.has(response.status)
        ? EMPTY
        : new Uint8Array(await response.arrayBuffer());
    // Read whole by the transport already: kept as it is unless its URL must be shown redacted.
    const buffered =
      transported && response.url === info.url
        ? response
        : new BufferedResponse(
            bytes,
            { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) },
            info.url,
          );
    if (!response.ok || !sent.get("accept")?.includes("application/json")) return buffered;
    const invalid = (problem: string) =>
      new InvalidResponseError({
        status: response.status,
        headers: this.#redactedHeaders(response.headers),
        request: info,
        problem: this.redact(problem),
      });
    // Every 200/201 JSON answer of these APIs is an object: nothing (or `null`) is a broken answer.
    const promisesJson = response.status === 200 || response.status === 201;
    if (!bytes.byteLength) {
      if (promisesJson) throw invalid("expected a JSON body, got an empty one");
      return buffered;
    }
    const type = response.headers.get("content-type") ?? "";
    const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(type);
    if (!isJson && type && !/^text\//i.test(type)) return buffered;
    if (!isJson) throw invalid(`expected JSON, got content-type ${JSON.stringify(type || "(none)")}`);
    let parsed: unknown;
    try {
      parsed = buffered.parseJson();
    } catch {
      // Not JSON.parse's message: it quotes the body, where a cut-off echo of the token escapes redaction.
      throw invalid(`body is not valid JSON (${bytes.byteLength} bytes)`);
    }
    if (parsed === null && promisesJson) throw invalid("expected a JSON object, got null");
    // openapi-fetch parses the text again when there is no Content-Length (a chunked answer);
    // with one it calls `json()`, which hands over the value parsed above.
    if (!buffered.headers.has("content-length")) buffered.headers.set("content-length", String(bytes.byteLength));
    return buffered;
  }

  /** Headers kept on an error, with any echo of the token removed (they are printed with it). */
  #redactedHeaders(headers: Headers): Headers {
    const out = new Headers();
    headers.forEach((value, name) => {
      out.append(name, this.redact(value));
    });
    return out;
  }
}

const EMPTY = new Uint8Array(0);

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** `timeout`, `maxRetries` and `maxRetryAfter` are finite, non-negative numbers (retries whole). */
function checkLimits(options: { timeout?: unknown; maxRetries?: unknown; maxRetryAfter?: unknown }) {
  for (const name of ["timeout", "maxRetries", "maxRetryAfter"] as const) {
    const value = options[name];
    if (value === undefined) continue;
    const whole = name === "maxRetries";
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
      const shown = typeof value === "number" || value === null ? String(value) : typeof value;
      throw new InvalidParameterError({
        param: name,
        problem: `must be a finite, non-negative ${whole ? "integer" : "number of ms"}, got ${shown}`,
      });
    }
  }
}

/** A signal that aborts when any of the given ones does. */
export function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length === 1) return present[0] as AbortSignal;
  if (typeof AbortSignal.any === "function") return AbortSignal.any(present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function httpReason(status: number): string {
  return status >= 500 ? "Server error" : `HTTP ${status}`;
}

/**
 * A `ProviderProfile.rateLimit` for APIs that send the requests left and the window's reset
 * (Unix seconds) in two headers.
 */
export function rateLimitHeaders(
  remainingHeader: string,
  resetHeader: string,
): (headers: Headers) => RateLimitInfo | undefined {
  return (headers) => {
    const remaining = headers.get(remainingHeader);
    const reset = headers.get(resetHeader);
    if (remaining === null && reset === null) return undefined;
    return {
      remaining: remaining === null ? undefined : Number(remaining),
      resetAt: reset === null ? undefined : new Date(Number(reset) * 1000),
    };
  };
}
