import {
  type ClientOptions,
  mapToken,
  type ProviderProfile,
  Runtime,
  rateLimitHeaders,
  type Token,
  tokenParam,
} from "@pkgapi/core";
import { version } from "../package.json";
import { bare } from "./credentials.js";

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

export interface CloudFoundryClientOptions extends ClientOptions {
  /**
   * A UAA access token (`cf oauth-token`; its `bearer ` prefix may be left in), or a function
   * returning one, asked again after a 401 (see `uaaTokenProvider`, `fromCfConfig`). Never logged
   * or shown in errors.
   */
  token: Token;
  /** The deployment's Cloud Controller API, e.g. `https://api.sys.example.com` (`cf api` prints it). */
  baseUrl: string;
}

/** The runtime every client of a deployment goes through. */
export function cloudFoundryRuntime(options: CloudFoundryClientOptions): Runtime {
  const { token, baseUrl, ...rest } = options ?? ({} as CloudFoundryClientOptions);
  const checked = tokenParam("token", typeof token === "string" ? bare(token) : token);
  return new Runtime(cloudFoundryProfile, { ...rest, baseUrl }, mapToken(checked, bare));
}

function decodeWarning(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text; // not URL-encoded after all
  }
}
