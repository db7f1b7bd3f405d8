/**
 * The generated seed-style SDK (`PackagesApi.getPackage`, `listPackages`, …), wired to the
 * pkgapi runtime: the token is added per request, failures throw the typed errors of `@pkgapi/core`.
 */
import { sdkConfiguration } from "@pkgapi/core/internal";
import { type CloudFoundryClientOptions, cloudFoundryRuntime } from "./client.js";
import { Configuration } from "./generated/sdk/index.js";

export * from "./generated/sdk/index.js";

export function createConfiguration(options: CloudFoundryClientOptions): Configuration {
  return new Configuration(sdkConfiguration(cloudFoundryRuntime(options)));
}
