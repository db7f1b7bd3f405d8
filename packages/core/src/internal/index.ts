/**
 * `@pkgapi/core/internal`: the runtime the provider packages are built on. Not a public API:
 * it changes without notice; applications import a provider package instead.
 */
export { apiErrorGuard } from "../errors.js";
export { rebaseLink } from "../pagination.js";
export { mapToken, tokenParam } from "../token.js";
export { type Download, download } from "./download.js";
export { isNode, toHex } from "./env.js";
export { redactHeaders } from "./log.js";
export { APIResource, callOptions, openapiClient, sdkConfiguration } from "./openapi.js";
export { fillPath, integerParam, type PathParamRule, pathParam, requiredString, stringParam } from "./params.js";
export { type PollOptions, pollUntil } from "./poll.js";
export { backoffMs, retryAfterMs } from "./retry.js";
export {
  type Attempt,
  anySignal,
  type ProviderProfile,
  Runtime,
  rateLimitHeaders,
  type SendRequest,
  type Transport,
} from "./runtime.js";
// The upload functions come from `loadUploads()` (loaded on first use), never statically.
export type { Hashing, StreamBody } from "./upload/body.js";
export { loadUploads } from "./upload/lazy.js";
export type { Part } from "./upload/multipart.js";
export type { UploadRequest } from "./upload/send.js";
export type { OpenedSource } from "./upload/source.js";
export type { UploadTransportOptions } from "./upload/transport.js";
