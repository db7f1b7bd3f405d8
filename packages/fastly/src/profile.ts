import type { ProviderProfile, RateLimitInfo } from "@pkgapi/core";
import { version } from "../package.json";

/** How Fastly's API authenticates, reports errors and rate limits. */
export const fastlyProfile: ProviderProfile = {
  name: "@pkgapi/fastly",
  version,
  defaultBaseUrl: "https://api.fastly.com",
  auth: { header: "Fastly-Key", value: (token) => token },
  errorMessage(body) {
    const { msg, detail } = body as { msg?: unknown; detail?: unknown };
    return { message: typeof msg === "string" ? msg : undefined, detail: typeof detail === "string" ? detail : undefined };
  },
  requestIdHeaders: ["fastly-request-id", "x-request-id"],
  rateLimit(headers): RateLimitInfo | undefined {
    const remaining = headers.get("fastly-ratelimit-remaining");
    const reset = headers.get("fastly-ratelimit-reset");
    if (remaining === null && reset === null) return undefined;
    return {
      remaining: remaining === null ? undefined : Number(remaining),
      resetAt: reset === null ? undefined : new Date(Number(reset) * 1000),
    };
  },
};
