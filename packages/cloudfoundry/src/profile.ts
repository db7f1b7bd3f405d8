import { type ProviderProfile, rateLimitHeaders } from "@pkgapi/core/internal";
import { version } from "../package.json";

/** How Cloud Foundry's Cloud Controller authenticates, reports errors and rate limits. */
export const cloudFoundryProfile: ProviderProfile = {
  name: "@pkgapi/cloudfoundry",
  version,
  // No defaultBaseUrl: every deployment has its own API host, so `baseUrl` is required.
  // Cloud Controller compares the scheme case-insensitively; `Bearer` is the RFC 6750 spelling.
  auth: { header: "Authorization", value: (token) => `Bearer ${token}` },
  errorMessage(body) {
    // `{"errors": [{detail, title, code}]}`: the title (`CF-ResourceNotFound`), its detail and code (10010).
    const errors = (body as { errors?: unknown }).errors;
    const first = (Array.isArray(errors) ? errors[0] : undefined) as
      | { title?: unknown; detail?: unknown; code?: unknown }
      | undefined;
    return {
      message: typeof first?.title === "string" ? first.title : undefined,
      detail: typeof first?.detail === "string" ? first.detail : undefined,
      code: typeof first?.code === "number" ? first.code : undefined,
    };
  },
  requestIdHeaders: ["x-vcap-request-id"],
  // `X-Cf-Warnings`: comma-separated, each URL-encoded (e.g. a deprecated parameter).
  warnings: (headers) =>
    (headers.get("x-cf-warnings") ?? "")
      .split(",")
      .filter((w) => w.trim())
      .map((w) => decodeWarning(w.trim())),
  // Reset in Unix seconds, as Cloud Controller's rate limiter writes it.
  rateLimit: rateLimitHeaders("x-ratelimit-remaining", "x-ratelimit-reset"),
};

function decodeWarning(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text; // not URL-encoded after all
  }
}
