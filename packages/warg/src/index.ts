import { openapiClient } from "@pkgapi/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { type WargClientOptions, wargProfile, wargRuntime } from "./profile.js";
import { Logs } from "./resources/logs.js";
import { Packages } from "./resources/packages.js";
import { Records } from "./resources/records.js";

export * from "@pkgapi/core";
export { isWargError, MissingContentError, RecordRejectedError, type WargErrorBody } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export { logIdFor, recordIdFor } from "./ids.js";
export { PublicKey, SigningKey } from "./keys.js";
export {
  type DecodedRecord,
  decodeRecord,
  encodeRecord,
  type PackageEntry,
  type Permission,
  type RecordContents,
  type SignedRecord,
  signRecord,
  type Timestamp,
} from "./record.js";
export type {
  FetchLogsParams,
  FetchLogsResponse,
  Logs,
  PublishedRecordEnvelope,
  SignedCheckpoint,
} from "./resources/logs.js";
export type { LogRecord, Packages, PublishedRelease, PublishReleaseParams } from "./resources/packages.js";
export type {
  ContentMap,
  ContentSource,
  PackageRecord,
  ProcessingRecord,
  PublishedRecord,
  PublishParams,
  RecordRef,
  Records,
  RejectedRecord,
  SourcingRecord,
  UploadEndpoint,
  UploadOptions,
  WaitOptions,
} from "./resources/records.js";
export { type WargClientOptions, wargProfile };

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
