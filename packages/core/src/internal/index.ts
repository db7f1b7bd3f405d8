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
export { type Hashing, hashing, rawBody, type StreamBody, verifyingDigest } from "./upload/body.js";
export { multipart, type Part } from "./upload/multipart.js";
export { trackProgress } from "./upload/progress.js";
export { sendUpload, type UploadRequest } from "./upload/send.js";
export { type OpenedSource, openSource } from "./upload/source.js";
export { type UploadTransportOptions, uploadTransport } from "./upload/transport.js";
