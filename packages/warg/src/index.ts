export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  ConflictError,
  IntegrityError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  type Logger,
  type LogLevel,
  NotFoundError,
  PermissionDeniedError,
  PkgapiError,
  type Progress,
  RateLimitError,
  type RequestOptions,
  type ResponseInfo,
  type Token,
  type TokenContext,
  type TokenProvider,
  type TypedAPIError,
  UnprocessableEntityError,
  type UploadSource,
  WaitTimeoutError,
  withResponse,
} from "@pkgapi/core";
export { createWargClient, type WargClient, type WargClientOptions } from "./client.js";
export { isWargError, MissingContentError, RecordRejectedError, type WargErrorBody } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export { logIdFor, recordIdFor } from "./ids.js";
export { PublicKey, SigningKey } from "./keys.js";
export { wargProfile } from "./profile.js";
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
