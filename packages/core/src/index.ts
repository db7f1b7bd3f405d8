export { type Download, download } from "./download.js";
export { nodeReadable, type SavedFile, type SaveOptions, saveDownload } from "./download-file.js";
export * from "./errors.js";
export { type Logger, type LogLevel, redactHeaders } from "./log.js";
export { APIResource, callOptions, openapiClient, sdkConfiguration } from "./openapi.js";
export { Page, PagePromise, rebaseLink } from "./pagination.js";
export { fillPath, integerParam, type PathParamRule, pathParam, requiredString, stringParam } from "./params.js";
export { type PollOptions, pollUntil } from "./poll.js";
export { withResponse } from "./response.js";
export { backoffMs, retryAfterMs } from "./retry.js";
export {
  type Attempt,
  anySignal,
  type ClientOptions,
  type ProviderProfile,
  type RequestOptions,
  type ResponseInfo,
  Runtime,
  rateLimitHeaders,
  type SendRequest,
  type Transport,
} from "./runtime.js";
export { mapToken, type Token, type TokenContext, type TokenProvider, tokenParam } from "./token.js";
export * from "./upload/index.js";
