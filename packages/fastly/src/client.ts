import { type ClientOptions, InvalidParameterError, type Token } from "@pkgapi/core";
import { openapiClient, Runtime, tokenParam } from "@pkgapi/core/internal";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { fastlyProfile } from "./profile.js";
import { Packages } from "./resources/packages.js";

export interface FastlyClientOptions extends ClientOptions {
  /**
   * A Fastly API token, sent as `Fastly-Key`, or a function returning one (asked again after a 401).
   * Default: the `FASTLY_API_TOKEN` environment variable, as the Fastly CLI and Terraform provider
   * read it. Never logged or shown in errors.
   */
  token?: Token;
}

export interface FastlyClient {
  packages: Packages;
  /** The typed openapi-fetch client on the same runtime; answers `{ data, error, response }`. */
  raw: Client<paths>;
}

/** A client for the Fastly Compute package API. */
export function createFastlyClient(options: FastlyClientOptions = {}): FastlyClient {
  const runtime = fastlyRuntime(options);
  return {
    packages: new Packages(runtime, openapiClient<paths>(runtime, true)),
    raw: openapiClient<paths>(runtime, false),
  };
}

/** The runtime every Fastly client (facade, raw, SDK) runs on. */
export function fastlyRuntime(options: FastlyClientOptions = {}): Runtime {
  const { token = envToken(), ...rest } = options ?? {};
  if (token === undefined)
    throw new InvalidParameterError({ param: "token", problem: "is required: pass `token` or set FASTLY_API_TOKEN" });
  return new Runtime(fastlyProfile, rest, tokenParam("token", token));
}

function envToken(): string | undefined {
  return (typeof process !== "undefined" && process.env?.FASTLY_API_TOKEN) || undefined;
}
