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
  type TransferOptions,
  type TypedAPIError,
  UnprocessableEntityError,
  type UploadSource,
  withResponse,
} from "@pkgapi/core";
export { createFastlyClient, type FastlyClient, type FastlyClientOptions } from "./client.js";
export { type FastlyErrorBody, isFastlyError } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export { fastlyProfile } from "./profile.js";
export {
  MAX_PACKAGE_BYTES,
  type PackageMetadata,
  type PackageRef,
  type PackageResponse,
  type Packages,
  type UploadParams,
  type UploadResult,
} from "./resources/packages.js";
