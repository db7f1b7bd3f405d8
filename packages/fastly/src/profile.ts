import { type ProviderProfile, rateLimitHeaders } from "@pkgapi/core/internal";
import { version } from "../package.json";

/** How Fastly's API authenticates, reports errors and rate limits. */
export const fastlyProfile: ProviderProfile = {
  name: "@pkgapi/fastly",
  version,
  defaultBaseUrl: "https://api.fastly.com",
  auth: { header: "Fastly-Key", value: (token) => token },
  errorMessage(body) {
    const { msg, detail } = body as { msg?: unknown; detail?: unknown };
    return {
      message: typeof msg === "string" ? msg : undefined,
      detail: typeof detail === "string" ? detail : undefined,
    };
  },
  requestIdHeaders: ["fastly-request-id", "x-request-id"],
  rateLimit: rateLimitHeaders("fastly-ratelimit-remaining", "fastly-ratelimit-reset"),
};
