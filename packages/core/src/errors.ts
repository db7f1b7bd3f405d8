/**
 * Typed errors. `instanceof` is answered by a brand (a registry-wide symbol), not by the
 * prototype chain, so an error thrown by the CJS build is recognised by the ESM build's
 * classes and the other way round.
 */
const BRAND = Symbol.for("pkgapi.error.kinds");

export interface ErrorRequestInfo {
  method: string;
  url: string;
}

export class PkgapiError extends Error {
  declare readonly [BRAND]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let proto: { name: string } = new.target; proto !== Error; proto = Object.getPrototypeOf(proto))
      kinds.push(proto.name);
    Object.defineProperty(this, BRAND, { value: kinds });
    Object.defineProperty(this, "name", { value: new.target.name, enumerable: false, configurable: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [BRAND]?: unknown } | null)?.[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about (a subclass too)
    return Array.isArray(kinds) && kinds.includes(this.name);
  }
}

/** Bad input found before any request was sent. `param` names the offending parameter. */
export class InvalidParameterError extends PkgapiError {
  constructor(
    readonly param: string,
    readonly problem: string,
  ) {
    super(`Invalid parameter \`${param}\`: ${problem}`);
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
  readonly status: number;
  readonly headers: Headers;
  /** The parsed error body (JSON when it parsed, text otherwise). */
  readonly body: unknown;
  readonly detail?: string;
  /** The provider's own error code, when its error body has one (Cloud Foundry: `10013`). */
  readonly code?: string | number;
  readonly request: ErrorRequestInfo;
  readonly requestId?: string;
  readonly rateLimit?: RateLimitInfo;

  constructor(init: APIErrorInit) {
    super(
      `${init.status} ${init.message}${init.detail ? `: ${init.detail}` : ""} (${init.request.method} ${init.request.url})`,
    );
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.detail = init.detail;
    this.code = init.code;
    this.request = init.request;
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

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

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
  constructor(
    readonly request: ErrorRequestInfo,
    cause?: unknown,
    message = `Connection error (${request.method} ${request.url})${rootCause(cause)}`,
  ) {
    super(message, { cause });
  }
}

/** An attempt took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(request: ErrorRequestInfo, timeoutMs: number) {
    super(request, undefined, `Request timed out after ${timeoutMs} ms (${request.method} ${request.url})`);
  }
}

/** The caller's AbortSignal fired. */
export class APIUserAbortError extends PkgapiError {
  constructor(readonly request?: ErrorRequestInfo) {
    super(request ? `Request aborted by the caller (${request.method} ${request.url})` : "Aborted by the caller");
  }
}

/** A 2xx response whose body is not what the API promises (wrong content type, broken JSON). */
export class InvalidResponseError extends PkgapiError {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly request: ErrorRequestInfo,
    problem: string,
  ) {
    super(`Invalid response to ${request.method} ${request.url}: ${problem}`);
  }
}

/** Data arrived, but does not match the digest it was promised to have. */
export class IntegrityError extends PkgapiError {
  constructor(
    readonly algorithm: string,
    readonly expected: string,
    readonly actual: string,
    what: string,
  ) {
    super(`${what}: ${algorithm} mismatch (expected ${expected}, got ${actual})`);
  }
}

/** A waiter gave up: the deadline passed before the resource settled. */
export class WaitTimeoutError extends PkgapiError {
  constructor(
    readonly waitedMs: number,
    readonly lastValue: unknown,
    what: string,
  ) {
    super(`${what} did not settle within ${waitedMs} ms`);
  }
}

/** The innermost cause's message (fetch wraps the real one, e.g. ECONNREFUSED, in "fetch failed"). */
function rootCause(cause: unknown): string {
  let inner = cause;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error && inner.message ? `: ${inner.message}` : "";
}
