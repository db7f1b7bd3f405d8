import { openapiClient, type Runtime } from "@pkgapi/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { type CloudFoundryClientOptions, cloudFoundryProfile, cloudFoundryRuntime } from "./profile.js";
import { Jobs } from "./resources/jobs.js";

export { fromCfConfig, type UaaTokenOptions, uaaTokenProvider } from "./credentials.js";
export { type CloudFoundryErrorBody, type CloudFoundryErrorItem, isCloudFoundryError } from "./errors.js";

import { Packages } from "./resources/packages.js";

export * from "@pkgapi/core";
export type {
  AppPackageFilters,
  LabelRequirement,
  LabelSelector,
  OrderBy,
  PackageFilters,
  PackageState,
  PackageType,
  Timestamp,
  TimestampFilter,
} from "./filters.js";
export type { components, operations, paths } from "./generated/schema.js";
export { type ErrorItem, type Job, JobFailedError, type JobState, type Jobs, PendingJob } from "./resources/jobs.js";
export {
  type CopyParams,
  type CreateParams,
  type DockerData,
  type MetadataCreate,
  type MetadataUpdate,
  type Package,
  PackageFailedError,
  PackagePage,
  type Packages,
  type Pagination,
  type ResourceMatch,
  type UpdateParams,
  type UploadParams,
} from "./resources/packages.js";
export { type CloudFoundryClientOptions, cloudFoundryProfile };

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
