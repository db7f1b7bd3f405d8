/** Checks of caller input, run before any request is sent. */
import { InvalidParameterError } from "../errors.js";

export interface PathParamRule {
  /** What a valid value looks like, e.g. /^sha256:[a-f0-9]{64}$/. */
  pattern?: RegExp;
  /** Said in the error when the pattern does not match, e.g. "a sha256 digest". */
  expected?: string;
}

/** A required non-empty string, checked against the rule's pattern when it has one. */
export function stringParam(name: string, value: unknown, rule: PathParamRule = {}): string {
  if (typeof value !== "string")
    throw new InvalidParameterError({ param: name, problem: `must be a string, got ${describe(value)}` });
  if (value.length === 0) throw new InvalidParameterError({ param: name, problem: "must not be empty" });
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new InvalidParameterError({
      param: name,
      problem: `must be ${rule.expected ?? `a value matching ${rule.pattern}`}, got ${JSON.stringify(truncate(value))}`,
    });
  }
  return value;
}

/**
 * A required path parameter: a non-empty string that cannot leave its path segment.
 * The generated clients percent-encode it; this rejects what encoding cannot make safe
 * (dot segments, which URL parsers collapse even when encoded) and what the API never accepts.
 */
export function pathParam(name: string, value: unknown, rule: PathParamRule = {}): string {
  refuseDotSegment(name, value);
  return stringParam(name, value, rule);
}

/** `.` and `..` (also percent-encoded) would move a request to another path: refused. */
export function refuseDotSegment(name: string, value: unknown): void {
  if (typeof value === "string" && /^(%2e|\.){1,2}$/i.test(value))
    throw new InvalidParameterError({ param: name, problem: `must not be a dot segment (${JSON.stringify(value)})` });
}

/** An integer parameter (a version number, a page size) within bounds. */
export function integerParam(name: string, value: unknown, bounds: { min?: number; max?: number } = {}): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    throw new InvalidParameterError({ param: name, problem: `must be an integer, got ${describe(value)}` });
  if (bounds.min !== undefined && value < bounds.min)
    throw new InvalidParameterError({ param: name, problem: `must be >= ${bounds.min}, got ${value}` });
  if (bounds.max !== undefined && value > bounds.max)
    throw new InvalidParameterError({ param: name, problem: `must be <= ${bounds.max}, got ${value}` });
  return value;
}

/** A required non-empty string that is not a path parameter (a token, a name). */
export function requiredString(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim().length === 0)
    throw new InvalidParameterError({ param: name, problem: `must be a non-empty string, got ${describe(value)}` });
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(truncate(value));
  if (typeof value === "number") return String(value);
  return typeof value;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/**
 * The one path builder (facades, raw clients, uploads, downloads): fills the `{name}`
 * placeholders of a spec path template, each value percent-encoded within its segment and a
 * `.` or `..` refused. `:` and `@` stay as they are (RFC 3986 allows them in a segment; warg's
 * `sha256:` ids are sent that way, as warg-client does).
 */
export function fillPath(template: string, values: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values?.[name];
    if (value === undefined || value === null) throw new InvalidParameterError({ param: name, problem: "is required" });
    refuseDotSegment(name, value);
    return encodeURIComponent(String(value)).replace(/%3A/g, ":").replace(/%40/g, "@");
  });
}
