import {
  type ClientOptions,
  InvalidParameterError,
  openapiClient,
  Runtime,
  type Token,
  tokenParam,
} from "@pkgapi/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { fastlyProfile } from "./profile.js";
import { Packages } from "./resources/packages.js";

export * from "@pkgapi/core";
export { type FastlyErrorBody, isFastlyError } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export {
  MAX_PACKAGE_BYTES,
  type PackageMetadata,
  type PackageRef,
  type PackageResponse,
  type UploadParams,
  type UploadResult,
} from "./resources/packages.js";
export { fastlyProfile };

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
  const { token = envToken(), ...rest } = options ?? {};
  if (token === undefined)
    throw new InvalidParameterError("token", "is required: pass `token` or set FASTLY_API_TOKEN");
  const runtime = new Runtime(fastlyProfile, rest, tokenParam("token", token));
  return {
    packages: new Packages(runtime, openapiClient<paths>(runtime, true)),
    raw: openapiClient<paths>(runtime, false),
  };
}

function envToken(): string | undefined {
  return (typeof process !== "undefined" && process.env?.FASTLY_API_TOKEN) || undefined;
}
