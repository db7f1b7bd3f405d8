/**
 * The public surface of `@pkgapi/core`: what users of a provider package see (options, errors,
 * pages, upload and download types, `withResponse`, tokens). Providers re-export it by name.
 * The runtime itself is in `@pkgapi/core/internal`, for provider packages only.
 */

export { nodeReadable, type SavedFile, type SaveOptions, saveDownload } from "./download-file.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type APIErrorInit,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorRequestInfo,
  IntegrityError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  PkgapiError,
  RateLimitError,
  type RateLimitInfo,
  type TypedAPIError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from "./errors.js";
export type { Download } from "./internal/download.js";
export type { Logger, LogLevel } from "./internal/log.js";
export type { UploadSource } from "./internal/upload/source.js";
export type { Progress } from "./internal/upload/transport.js";
export type { ClientOptions, RequestOptions, ResponseInfo, TransferOptions } from "./options.js";
export { Page, PagePromise } from "./pagination.js";
export { withResponse } from "./response.js";
export type { Token, TokenContext, TokenProvider } from "./token.js";
