import type { ClientOptions } from "../src/index.js";
import { type ProviderProfile, Runtime } from "../src/internal/index.js";

export const TOKEN = "sekret-token-0123456789";

export const testProfile: ProviderProfile = {
  name: "@pkgapi/test",
  version: "0.0.0",
  defaultBaseUrl: "http://127.0.0.1:1",
  auth: { header: "authorization", value: (token) => `Bearer ${token}` },
  errorMessage(body) {
    const { message, detail } = body as { message?: unknown; detail?: unknown };
    return {
      message: typeof message === "string" ? message : undefined,
      detail: typeof detail === "string" ? detail : undefined,
    };
  },
  requestIdHeaders: ["x-request-id"],
};

/** A runtime whose every log line is kept in `lines`. */
export function capturingRuntime(baseUrl: string, options: ClientOptions = {}) {
  const lines: string[] = [];
  const keep = (...parts: unknown[]) =>
    lines.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "));
  const runtime = new Runtime(
    testProfile,
    { baseUrl, logLevel: "debug", logger: { debug: keep, info: keep, warn: keep, error: keep }, ...options },
    TOKEN,
  );
  return { runtime, lines };
}

/**
 * The two transports of the one pipeline, for suites that must pass over both: Node's default
 * (node:http), and fetch (what browsers use, and any client given its own fetch).
 */
export const transports: Array<[string, ClientOptions]> = [
  ["node:http", {}],
  ["fetch", { fetch: (input, init) => globalThis.fetch(input, init) }],
];
