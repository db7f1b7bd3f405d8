/**
 * Typed errors. `instanceof` is answered by a brand (a registry-wide symbol holding the `kind`
 * of the class and of its ancestors), not by the prototype chain or class names, so an error
 * thrown by the CJS build is recognised by the ESM build's classes and the other way round,
 * minified or not. Every class declares its own `static readonly kind`; every constructor takes
 * one init object.
 */
const BRAND = Symbol.for("pkgapi.error.kinds");

export interface ErrorRequestInfo {
  method: string;
  url: string;
}

export interface PkgapiErrorInit {
  message: string;
  /** The request the error is about, when there is one. */
  request?: ErrorRequestInfo;
  cause?: unknown;
}

export class PkgapiError extends Error {
  /** The brand of the class, also its `name`; unique among pkgapi errors. */
  static readonly kind: string = "PkgapiError";
  declare readonly [BRAND]: readonly string[];
  /** The request the error is about (method and URL, credentials removed), when there is one. */
  declare readonly request?: ErrorRequestInfo;

  constructor(init: PkgapiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    if (init.request) this.request = init.request;
    const kinds: string[] = [];
    for (let proto = new.target; proto !== (Error as unknown); proto = Object.getPrototypeOf(proto)) {
      if (!Object.hasOwn(proto, "kind")) throw new TypeError("every pkgapi error class declares its own static `kind`");
      kinds.push(proto.kind);
    }
    Object.defineProperty(this, BRAND, { value: kinds });
    Object.defineProperty(this, "name", { value: new.target.kind, enumerable: false, configurable: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [BRAND]?: unknown } | null)?.[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about (a subclass too)
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

/** Bad input found before any request was sent. `param` names the offending parameter. */
export class InvalidParameterError extends PkgapiError {
  static override readonly kind: string = "InvalidParameterError";
  readonly param: string;
  readonly problem: string;

  constructor(init: { param: string; problem: string }) {
    super({ message: `Invalid parameter \`${init.param}\`: ${init.problem}` });
    this.param = init.param;
    this.problem = init.problem;
  }
}

/** Rate-limit state the provider reported with the response. */
export interface RateLimitInfo {
  remaining?: number;
  resetAt?: Date;
}

export interface APIErrorInit {
  status: number;
  headers: Headers;
  body: unknown;
  message: string;
  detail?: string;
  /** The provider's own error code, when its error body has one (Cloud Foundry: `10013`). */
  code?: string | number;
  request: ErrorRequestInfo;
  requestId?: string;
  rateLimit?: RateLimitInfo;
}

/**
 * The server answered with a non-2xx status. Each provider's guard (`isCloudFoundryError`,
 * `isWargError`, `isFastlyError`) narrows it to `TypedAPIError` with that provider's body type.
 */
export class APIError extends PkgapiError {
  static override readonly kind: string = "APIError";
  readonly status: number;
  readonly headers: Headers;
  /** The parsed error body (JSON when it parsed, text otherwise). */
  readonly body: unknown;
  readonly detail?: string;
  /** The provider's own error code, when its error body has one (Cloud Foundry: `10013`). */
  readonly code?: string | number;
  declare readonly request: ErrorRequestInfo;
  readonly requestId?: string;
  readonly rateLimit?: RateLimitInfo;

  constructor(init: APIErrorInit) {
    const { method, url } = init.request;
    super({
      message: `${init.status} ${init.message}${init.detail ? `: ${init.detail}` : ""} (${method} ${url})`,
      request: init.request,
    });
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.detail = init.detail;
    this.code = init.code;
    this.requestId = init.requestId;
    this.rateLimit = init.rateLimit;
  }

  /** The subclass for a status: 400 BadRequestError … 5xx InternalServerError. */
  static for(init: APIErrorInit): APIError {
    const Class = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : APIError);
    return new Class(init);
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      detail: this.detail,
      code: this.code,
      requestId: this.requestId,
      request: this.request,
      body: this.body,
    };
  }
}

/** An `APIError` whose `body` is known to have a provider's error shape. */
export type TypedAPIError<Body> = APIError & { readonly body: Body };

/**
 * A type guard for one provider's errors: an `APIError` whose body has that provider's shape
 * (`check`), so that `error.body` is typed after `if (isXError(error))`.
 */
export function apiErrorGuard<Body>(
  check: (body: Record<string, unknown>) => boolean,
): (error: unknown) => error is TypedAPIError<Body> {
  return (error): error is TypedAPIError<Body> =>
    error instanceof APIError &&
    typeof error.body === "object" &&
    error.body !== null &&
    check(error.body as Record<string, unknown>);
}

export class BadRequestError extends APIError {
  static override readonly kind: string = "BadRequestError";
}
export class AuthenticationError extends APIError {
  static override readonly kind: string = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  static override readonly kind: string = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  static override readonly kind: string = "NotFoundError";
}
export class ConflictError extends APIError {
  static override readonly kind: string = "ConflictError";
}
export class UnprocessableEntityError extends APIError {
  static override readonly kind: string = "UnprocessableEntityError";
}
export class RateLimitError extends APIError {
  static override readonly kind: string = "RateLimitError";
}
export class InternalServerError extends APIError {
  static override readonly kind: string = "InternalServerError";
}

const STATUS_CLASSES: Record<number, new (init: APIErrorInit) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** No usable response: connection refused or reset, DNS failure, TLS error. */
export class APIConnectionError extends PkgapiError {
  static override readonly kind: string = "APIConnectionError";
  declare readonly request: ErrorRequestInfo;

  constructor(init: { request: ErrorRequestInfo; cause?: unknown; message?: string }) {
    const { request, cause } = init;
    super({
      message: init.message ?? `Connection error (${request.method} ${request.url})${rootCause(cause)}`,
      request,
      cause,
    });
  }
}

/** An attempt took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly kind: string = "APIConnectionTimeoutError";

  constructor(init: { request: ErrorRequestInfo; timeoutMs: number }) {
    const { request, timeoutMs } = init;
    super({ request, message: `Request timed out after ${timeoutMs} ms (${request.method} ${request.url})` });
  }
}

/** The caller's AbortSignal fired. */
export class APIUserAbortError extends PkgapiError {
  static override readonly kind: string = "APIUserAbortError";

  constructor(init: { request?: ErrorRequestInfo } = {}) {
    const { request } = init;
    super({
      message: request ? `Request aborted by the caller (${request.method} ${request.url})` : "Aborted by the caller",
      request,
    });
  }
}

/** A 2xx response whose body is not what the API promises (wrong content type, broken JSON). */
export class InvalidResponseError extends PkgapiError {
  static override readonly kind: string = "InvalidResponseError";
  declare readonly request: ErrorRequestInfo;
  readonly status: number;
  readonly headers: Headers;

  constructor(init: { status: number; headers: Headers; request: ErrorRequestInfo; problem: string }) {
    const { request } = init;
    super({ message: `Invalid response to ${request.method} ${request.url}: ${init.problem}`, request });
    this.status = init.status;
    this.headers = init.headers;
  }
}

/** Data arrived, but does not match the digest it was promised to have. */
export class IntegrityError extends PkgapiError {
  static override readonly kind: string = "IntegrityError";
  readonly algorithm: string;
  readonly expected: string;
  readonly actual: string;

  constructor(init: { algorithm: string; expected: string; actual: string; what: string }) {
    super({ message: `${init.what}: ${init.algorithm} mismatch (expected ${init.expected}, got ${init.actual})` });
    this.algorithm = init.algorithm;
    this.expected = init.expected;
    this.actual = init.actual;
  }
}

/** A waiter gave up: the deadline passed before the resource settled. */
export class WaitTimeoutError extends PkgapiError {
  static override readonly kind: string = "WaitTimeoutError";
  readonly waitedMs: number;
  readonly lastValue: unknown;

  constructor(init: { waitedMs: number; lastValue: unknown; what: string }) {
    super({ message: `${init.what} did not settle within ${init.waitedMs} ms` });
    this.waitedMs = init.waitedMs;
    this.lastValue = init.lastValue;
  }
}

/** The innermost cause's message (fetch wraps the real one, e.g. ECONNREFUSED, in "fetch failed"). */
function rootCause(cause: unknown): string {
  let inner = cause;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error && inner.message ? `: ${inner.message}` : "";
}
