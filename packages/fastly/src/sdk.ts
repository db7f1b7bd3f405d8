/**
 * The generated seed-style SDK (`PackageApi.getPackage`, `putPackage`), wired to the pkgapi
 * runtime: the token is added per request, failures throw the typed errors of `@pkgapi/core`.
 */
import { sdkConfiguration } from "@pkgapi/core/internal";
import { type FastlyClientOptions, fastlyRuntime } from "./client.js";
import { Configuration } from "./generated/sdk/index.js";

export * from "./generated/sdk/index.js";

export function createConfiguration(options: FastlyClientOptions): Configuration {
  return new Configuration(sdkConfiguration(fastlyRuntime(options)));
}
