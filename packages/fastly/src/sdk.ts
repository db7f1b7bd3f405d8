/**
 * The generated seed-style SDK (`PackageApi.getPackage`, `putPackage`), wired to the pkgapi
 * runtime: the token is added per request, failures throw the typed errors of `@pkgapi/core`.
 */
import { Runtime, requiredString, sdkConfiguration } from "@pkgapi/core";
import { Configuration } from "./generated/sdk/index.js";
import type { FastlyClientOptions } from "./index.js";
import { fastlyProfile } from "./profile.js";

export * from "./generated/sdk/index.js";

export function createConfiguration(options: FastlyClientOptions): Configuration {
  const { token, ...rest } = options ?? ({} as FastlyClientOptions);
  return new Configuration(sdkConfiguration(new Runtime(fastlyProfile, rest, requiredString("token", token))));
}
