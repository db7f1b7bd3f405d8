import type { ClientOptions, Token } from "@pkgapi/core";
import { openapiClient, Runtime, tokenParam } from "@pkgapi/core/internal";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { wargProfile } from "./profile.js";
import { Logs } from "./resources/logs.js";
import { Packages } from "./resources/packages.js";
import { Records } from "./resources/records.js";

export interface WargClientOptions extends ClientOptions {
  /**
   * A bearer token for hosted registries, sent as `Authorization: Bearer <token>` to the
   * registry's origin only, or a function returning one (asked again after a 401). warg-server
   * needs none: the record's signature is the authorization.
   */
  token?: Token;
}

export interface WargClient {
  records: Records;
  /** The registry log: `checkpoint()` and `fetch()` of published records. */
  logs: Logs;
  /** One-call flows: `publishRelease()`, and `log()` to read a package log. */
  packages: Packages;
  /** The typed openapi-fetch client on the same runtime; answers `{ data, error, response }`. */
  raw: Client<paths>;
}

/** A client for the package-record API of a warg registry (default `http://localhost:8090/v1`). */
export function createWargClient(options: WargClientOptions = {}): WargClient {
  const runtime = wargRuntime(options);
  const api = openapiClient<paths>(runtime, true);
  const records = new Records(runtime, api);
  const logs = new Logs(runtime, api);
  return { records, logs, packages: new Packages(records, logs), raw: openapiClient<paths>(runtime, false) };
}

/** The runtime every warg client (facade, raw, SDK) runs on. */
export function wargRuntime({ token, ...options }: WargClientOptions): Runtime {
  return new Runtime(wargProfile, options, token === undefined ? undefined : tokenParam("token", token));
}
