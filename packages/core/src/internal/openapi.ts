/** Glue between the runtime and the two generated clients. */
import openapiFetch, { type Client, type ClientOptions } from "openapi-fetch";
import type { HttpMethod, SuccessResponseJSON } from "openapi-typescript-helpers";
import type { RequestOptions } from "../options.js";
import { CallRequest } from "./call-request.js";
import { fillPath } from "./params.js";
import type { Runtime } from "./runtime.js";

// openapi-fetch's CJS build exports `createClient` as `exports.default`; Node-style interop (our
// own CJS build) hands over the whole exports object as the default import.
const createClient = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/**
 * An openapi-fetch client on the runtime. With `throwOnError` (the facade's choice) non-2xx
 * answers throw typed errors; without it they come back as `{ error, response }`.
 */
export function openapiClient<Paths extends {}>(
  runtime: Runtime,
  throwOnError: boolean,
  options: Pick<ClientOptions, "querySerializer" | "bodySerializer"> = {},
): Client<Paths> {
  return createClient<Paths>({
    ...options,
    baseUrl: runtime.baseUrl,
    fetch: runtime.fetch({ throwOnError }),
    pathSerializer: fillPath,
    // The facades' own client hands the runtime its calls as they are; the raw client (whose
    // middleware may expect a real Request) keeps openapi-fetch's default.
    ...(throwOnError ? { Request: CallRequest as unknown as typeof Request } : {}),
  });
}

/** Per-call options (signal, timeout, retries, headers) for an openapi-fetch call made by a facade. */
export function callOptions(runtime: Runtime, options: RequestOptions = {}) {
  return { fetch: runtime.fetch(options) };
}

// typescript-fetch 7.x wraps whatever `fetchApi` throws in its own `FetchError`, unless an
// `onError` middleware answers instead; rethrowing there lets the runtime's typed errors through.
const keepTypedErrors = {
  async onError({ error }: { error: unknown }): Promise<never> {
    throw error;
  },
};

/**
 * `Configuration` parameters for a typescript-fetch SDK: requests go through the runtime
 * (credentials, retries, typed errors). The token never enters the Configuration object.
 */
export function sdkConfiguration(runtime: Runtime): {
  basePath: string;
  fetchApi: typeof fetch;
  middleware: (typeof keepTypedErrors)[];
} {
  return { basePath: runtime.baseUrl, fetchApi: runtime.fetch(), middleware: [keepTypedErrors] };
}

/** The base of every resource (`client.packages`, `client.records`): the runtime and the typed client it calls. */
export abstract class APIResource<Paths extends {}> {
  protected readonly runtime: Runtime;
  protected readonly api: Client<Paths>;

  constructor(runtime: Runtime, api: Client<Paths>) {
    this.runtime = runtime;
    this.api = api;
  }

  /**
   * The typed body of a call made with `throwOnError` (failures have thrown already):
   * `return this.data(this.api.GET(path, this.call(options)))`. An answer without a body is an
   * `InvalidResponseError`, so the result is `T`, not `T | undefined`.
   */
  protected async data<T>(request: Promise<{ data?: T; response: Response }>): Promise<T> {
    const { data, response } = await request;
    if (data === undefined) throw this.runtime.invalidResponse(response, "expected a JSON body");
    return data;
  }

  /**
   * The JSON body of a 2xx answer to `method path` that was sent without openapi-fetch (a
   * streamed upload, a next-page link), typed by the spec: `this.json(response, UPLOAD, "post")`.
   */
  protected async json<P extends keyof Paths, M extends HttpMethod & keyof Paths[P]>(
    response: Response,
    _path: P,
    method: M,
  ): Promise<SuccessResponseJSON<Paths[P][M] & Record<string | number, unknown>>> {
    const body = await response.json();
    if (body === null || typeof body !== "object")
      throw this.runtime.invalidResponse(response, "expected a JSON object", method.toUpperCase());
    return body;
  }

  /** The per-call options (signal, timeout, retries, headers, onResponse) as openapi-fetch takes them. */
  protected call(options?: RequestOptions): { fetch: typeof fetch } {
    return callOptions(this.runtime, options);
  }
}
