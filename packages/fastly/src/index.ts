import { type ClientOptions, openapiClient, Runtime, requiredString } from "@pkgapi/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { fastlyProfile } from "./profile.js";
import { Packages } from "./resources/packages.js";

export * from "@pkgapi/core";
export type { components, operations, paths } from "./generated/schema.js";
export { MAX_PACKAGE_BYTES, type PackageMetadata, type PackageRef, type PackageResponse, type UploadParams, type UploadResult } from "./resources/packages.js";
export { fastlyProfile };

export interface FastlyClientOptions extends ClientOptions {
  /** A Fastly API token, sent as `Fastly-Key`. Never logged or shown in errors. */
  token: string;
}

export interface FastlyClient {
  packages: Packages;
  /** The typed openapi-fetch client on the same runtime; answers `{ data, error, response }`. */
  raw: Client<paths>;
}

/** A client for the Fastly Compute package API. */
export function createFastlyClient(options: FastlyClientOptions): FastlyClient {
  const { token, ...rest } = options ?? ({} as FastlyClientOptions);
  const runtime = new Runtime(fastlyProfile, rest, requiredString("token", token));
  return { packages: new Packages(runtime, openapiClient<paths>(runtime, true)), raw: openapiClient<paths>(runtime, false) };
}
