/** Levelled logging with redaction of credentials. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/** Header names whose values are never written anywhere. */
export const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "fastly-key",
  "x-api-key",
  "cookie",
  "set-cookie",
]);

export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "***" : value;
  return out;
}

/** A logger that drops messages below `level` and removes `secrets` from every line. */
export function levelledLogger(logger: Logger, level: LogLevel, secrets: () => readonly string[]): Logger {
  const scrub = (value: unknown): unknown => (typeof value === "string" ? redactSecrets(value, secrets()) : value);
  const at =
    (name: Exclude<LogLevel, "off">) =>
    (message: string, ...rest: unknown[]) => {
      if (RANK[name] < RANK[level]) return;
      logger[name](scrub(message) as string, ...rest.map(scrub));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * Replaces each secret by `***`. A long secret goes wherever it occurs; a short one (under 8
 * characters) only as a whole value, not inside a longer run of letters and digits, so that a
 * token `t` does not turn `http` into `h***p`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || !out.includes(secret)) continue;
    if (secret.length >= 8) {
      out = out.split(secret).join("***");
      continue;
    }
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, "g"), "***");
  }
  return out;
}

export function logLevelFromEnv(): LogLevel | undefined {
  const value = typeof process !== "undefined" ? process.env?.PKGAPI_LOG : undefined;
  return value && value in RANK ? (value as LogLevel) : undefined;
}
