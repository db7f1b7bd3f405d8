/**
 * The generated seed-style SDK (`PackageApi.getPackageRecord`, `publishPackageRecord`), wired to
 * the pkgapi runtime: the optional token is added per request, failures throw the typed errors
 * of `@pkgapi/core`.
 */
import { sdkConfiguration } from "@pkgapi/core/internal";
import { type WargClientOptions, wargRuntime } from "./client.js";
import { Configuration } from "./generated/sdk/index.js";

export * from "./generated/sdk/index.js";

export function createConfiguration(options: WargClientOptions = {}): Configuration {
  return new Configuration(sdkConfiguration(wargRuntime(options)));
}
