import type { ClientOptions, Token } from "@pkgapi/core";
import { mapToken, openapiClient, Runtime, tokenParam } from "@pkgapi/core/internal";
import type { Client } from "openapi-fetch";
import { bare } from "./credentials.js";
import type { paths } from "./generated/schema.js";
import { cloudFoundryProfile } from "./profile.js";
import { Jobs } from "./resources/jobs.js";
import { Packages } from "./resources/packages.js";

export interface CloudFoundryClientOptions extends ClientOptions {
  /**
   * A UAA access token (`cf oauth-token`; its `bearer ` prefix may be left in), or a function
   * returning one, asked again after a 401 (see `uaaTokenProvider`, `fromCfConfig`). Never logged
   * or shown in errors.
   */
  token: Token;
  /** The deployment's Cloud Controller API, e.g. `https://api.sys.example.com` (`cf api` prints it). */
  baseUrl: string;
}

/** The runtime every client of a deployment goes through. */
export function cloudFoundryRuntime(options: CloudFoundryClientOptions): Runtime {
  const { token, baseUrl, ...rest } = options ?? ({} as CloudFoundryClientOptions);
  const checked = tokenParam("token", typeof token === "string" ? bare(token) : token);
  return new Runtime(cloudFoundryProfile, { ...rest, baseUrl }, mapToken(checked, bare));
}

export interface CloudFoundryClient {
  packages: Packages;
  /** Cloud Controller's asynchronous jobs: `get(guid)` and `wait(guid)`. */
  jobs: Jobs;
  /** The typed openapi-fetch client on the same runtime; answers `{ data, error, response }`. */
  raw: Client<paths>;
}

/** A client for the packages of Cloud Foundry's Cloud Controller API v3. */
export function createCloudFoundryClient(options: CloudFoundryClientOptions): CloudFoundryClient {
  const runtime = cloudFoundryRuntime(options);
  const api = openapi(runtime, true);
  return { packages: new Packages(runtime, api), jobs: new Jobs(runtime, api), raw: openapi(runtime, false) };
}

/**
 * Array filters go out the way the spec declares them (`explode: false`): `states=READY,FAILED`.
 * openapi-fetch's default repeats the key, and Cloud Controller would keep only the last value.
 */
function openapi(runtime: Runtime, throwOnError: boolean): Client<paths> {
  return openapiClient<paths>(runtime, throwOnError, { querySerializer: { array: { style: "form", explode: false } } });
}
