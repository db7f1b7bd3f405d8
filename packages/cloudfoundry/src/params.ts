/** The list filters of Cloud Foundry packages: typed, checked, rendered to Cloud Controller's query syntax. */
import { InvalidParameterError } from "@pkgapi/core";
import { integerParam, pathParam } from "@pkgapi/core/internal";
import type { components, operations } from "./generated/schema.js";

export type PackageState = components["schemas"]["PackageState"];
export type PackageType = components["schemas"]["PackageType"];
export type OrderBy = components["parameters"]["order_by"];

/** A `Date`, or an ISO 8601 string with a zone (`2024-01-01T00:00:00Z`) or a date (`2024-01-01`, UTC). */
export type Timestamp = Date | string;

/**
 * Exact timestamps (a list: any of them matches), or a range. Cloud Foundry stores whole seconds;
 * bounds with a fraction are rounded so that they select the same packages (`gt`/`lte` down,
 * `gte`/`lt` up); an exact timestamp with a fraction is refused, as it can match nothing.
 */
export type TimestampFilter =
  | readonly Timestamp[]
  | { gt?: Timestamp; gte?: Timestamp; lt?: Timestamp; lte?: Timestamp };

/**
 * One requirement of a label selector, by label key:
 * - `"prod"`: equal (`env=prod`)
 * - `{ not: "prod" }`: not equal, or the label is absent (`env!=prod`)
 * - `{ in: ["web", "api"] }` / `{ notIn: [...] }`: `tier in (web,api)` / `tier notin (web,api)`
 * - `{ exists: true }` / `{ exists: false }`: `legacy` / `!legacy`
 */
export type LabelRequirement =
  | string
  | { not: string }
  | { in: readonly string[] }
  | { notIn: readonly string[] }
  | { exists: boolean };

/** Label requirements by key, all of which must hold, e.g. `{ env: "prod", tier: { in: ["web", "api"] }, legacy: { exists: false } }`. */
export type LabelSelector = Readonly<Record<string, LabelRequirement>>;

/** Filters of an app's package list (`listForApp`). Lists match any of their values; filters combine with AND. */
export interface AppPackageFilters {
  /** Page to return, from 1. */
  page?: number;
  /** Results per page, 1 to 5000 (Cloud Foundry's default is 50). */
  perPage?: number;
  /** `created_at` or `updated_at`, ascending, `-` descending. Default: creation order. */
  orderBy?: OrderBy;
  guids?: readonly string[];
  states?: readonly PackageState[];
  types?: readonly PackageType[];
  /** Requirements by key, or a selector string in Cloud Foundry's syntax (`env=prod,!legacy`). */
  labelSelector?: LabelSelector | string;
  createdAt?: TimestampFilter;
  updatedAt?: TimestampFilter;
}

/** Filters of `list`, across every space the user can read. */
export interface PackageFilters extends AppPackageFilters {
  appGuids?: readonly string[];
  spaceGuids?: readonly string[];
  organizationGuids?: readonly string[];
}

type Query = NonNullable<operations["listPackages"]["parameters"]["query"]>;

// Records keyed by the generated unions: adding a value to the spec breaks the build until it is listed.
const STATES: Record<PackageState, true> = {
  AWAITING_UPLOAD: true,
  PROCESSING_UPLOAD: true,
  READY: true,
  FAILED: true,
  COPYING: true,
  EXPIRED: true,
};
const TYPES: Record<PackageType, true> = { bits: true, docker: true };
const ORDER_BY: Record<OrderBy, true> = {
  created_at: true,
  "-created_at": true,
  "+created_at": true,
  updated_at: true,
  "-updated_at": true,
  "+updated_at": true,
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Cloud Foundry GUID (a UUID), as a path or filter value. */
export function guidParam(name: string, value: unknown): string {
  return pathParam(name, value, {
    pattern: GUID,
    expected: "a GUID (UUID), e.g. 44f7c078-0934-470f-9883-4fcddc5b8f13",
  });
}

export const APP_FILTERS = [
  "page",
  "perPage",
  "orderBy",
  "guids",
  "states",
  "types",
  "labelSelector",
  "createdAt",
  "updatedAt",
] as const;
export const ALL_FILTERS = [...APP_FILTERS, "appGuids", "spaceGuids", "organizationGuids"] as const;

/** Checks filters and renders them as the list operations' query (arrays are sent comma-separated). */
export function listQuery(filters: PackageFilters, allowed: readonly string[], operation: string): Query {
  if (typeof filters !== "object" || filters === null)
    throw new InvalidParameterError({ param: "filters", problem: "must be an object" });
  for (const key of Object.keys(filters)) {
    // Cloud Controller answers 400 to unknown filters; a typo should not silently list everything.
    if (!allowed.includes(key))
      throw new InvalidParameterError({
        param: key,
        problem: `is not a filter of ${operation}; use ${allowed.join(", ")}`,
      });
  }
  const f = filters;
  return {
    page: f.page === undefined ? undefined : integerParam("page", f.page, { min: 1 }),
    per_page: f.perPage === undefined ? undefined : integerParam("perPage", f.perPage, { min: 1, max: 5000 }),
    order_by: f.orderBy === undefined ? undefined : oneOf("orderBy", f.orderBy, ORDER_BY),
    guids: guids("guids", f.guids),
    states: list("states", f.states, (name, value) => oneOf(name, value, STATES)),
    types: list("types", f.types, (name, value) => oneOf(name, value, TYPES)),
    app_guids: guids("appGuids", f.appGuids),
    space_guids: guids("spaceGuids", f.spaceGuids),
    organization_guids: guids("organizationGuids", f.organizationGuids),
    label_selector: f.labelSelector === undefined ? undefined : labelSelector(f.labelSelector),
    ...timestamps("createdAt", "created_ats", f.createdAt),
    ...timestamps("updatedAt", "updated_ats", f.updatedAt),
  };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: Record<T, true>): T {
  if (typeof value !== "string" || !Object.hasOwn(allowed, value)) {
    throw new InvalidParameterError({
      param: name,
      problem: `must be one of ${Object.keys(allowed).join(", ")}, got ${JSON.stringify(value) ?? String(value)}`,
    });
  }
  return value as T;
}

function list<T>(
  name: string,
  values: readonly unknown[] | undefined,
  check: (name: string, value: unknown) => T,
): T[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new InvalidParameterError({ param: name, problem: "must be an array" });
  // Leaving an empty list out would match every package: the opposite of what it says.
  if (values.length === 0)
    throw new InvalidParameterError({
      param: name,
      problem: "must not be empty (leave the filter out to match everything)",
    });
  return values.map((value, i) => check(`${name}[${i}]`, value));
}

const guids = (name: string, values: readonly unknown[] | undefined) => list(name, values, guidParam);

// Label keys: an optional DNS-style prefix and `/`, then a name; values: up to 63 of the name's characters.
const NAME = "[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
const LABEL_KEY = new RegExp(`^(?:[A-Za-z0-9](?:[-A-Za-z0-9.]{0,251}[A-Za-z0-9])?/)?${NAME}$`);
const LABEL_VALUE = new RegExp(`^(?:${NAME})?$`);

/** Renders a selector, e.g. `env=prod,tier in (web,api),!legacy`; undefined when it has no requirement. */
export function labelSelector(selector: LabelSelector | string): string | undefined {
  if (typeof selector === "string") {
    if (!selector.trim()) throw new InvalidParameterError({ param: "labelSelector", problem: "must not be empty" });
    return selector;
  }
  if (typeof selector !== "object" || selector === null || Array.isArray(selector)) {
    throw new InvalidParameterError({
      param: "labelSelector",
      problem: "must be an object of requirements by label key, or a selector string",
    });
  }
  const requirements = Object.entries(selector).map(([key, requirement]) => labelRequirement(key, requirement));
  if (requirements.length > 50)
    throw new InvalidParameterError({
      param: "labelSelector",
      problem: `has ${requirements.length} requirements; Cloud Foundry accepts at most 50`,
    });
  return requirements.length ? requirements.join(",") : undefined;
}

function labelRequirement(key: string, requirement: LabelRequirement): string {
  const name = `labelSelector.${key}`;
  if (!LABEL_KEY.test(key))
    throw new InvalidParameterError({
      param: name,
      problem:
        "is not a label key ([prefix/]name, the name 1-63 characters of A-Z a-z 0-9 - _ . starting and ending alphanumeric)",
    });
  const value = (v: unknown) => {
    if (typeof v !== "string" || !LABEL_VALUE.test(v)) {
      throw new InvalidParameterError({
        param: name,
        problem: `has an invalid label value ${JSON.stringify(v) ?? String(v)}: up to 63 characters of A-Z a-z 0-9 - _ . starting and ending alphanumeric`,
      });
    }
    return v;
  };
  const values = (vs: unknown) => {
    if (!Array.isArray(vs) || vs.length === 0)
      throw new InvalidParameterError({ param: name, problem: "needs a non-empty list of values" });
    return vs.map(value).join(",");
  };
  if (typeof requirement === "string") return `${key}=${value(requirement)}`;
  const [operator, ...more] = typeof requirement === "object" && requirement !== null ? Object.keys(requirement) : [];
  if (!more.length) {
    const operand = (requirement as Record<string, unknown>)[operator as string];
    if (operator === "not") return `${key}!=${value(operand)}`;
    if (operator === "in") return `${key} in (${values(operand)})`;
    if (operator === "notIn") return `${key} notin (${values(operand)})`;
    if (operator === "exists" && typeof operand === "boolean") return operand ? key : `!${key}`;
  }
  throw new InvalidParameterError({
    param: name,
    problem: "must be a value, { not: value }, { in: [values] }, { notIn: [values] } or { exists: boolean }",
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const BOUNDS = { gt: "floor", lte: "floor", gte: "ceil", lt: "ceil" } as const;

function timestamps(
  name: string,
  key: "created_ats" | "updated_ats",
  filter: TimestampFilter | undefined,
): Partial<Query> {
  if (filter === undefined) return {};
  if (Array.isArray(filter)) return { [key]: list(name, filter, (n, t) => timestamp(n, t, "exact")) };
  if (typeof filter !== "object" || filter === null)
    throw new InvalidParameterError({ param: name, problem: "must be a list of timestamps or { gt, gte, lt, lte }" });
  const query: Record<string, string> = {};
  for (const [bound, value] of Object.entries(filter)) {
    if (!Object.hasOwn(BOUNDS, bound))
      throw new InvalidParameterError({ param: `${name}.${bound}`, problem: "is not a bound; use gt, gte, lt or lte" });
    if (value !== undefined)
      query[`${key}[${bound}]`] = timestamp(`${name}.${bound}`, value, BOUNDS[bound as keyof typeof BOUNDS]);
  }
  return query;
}

/** `YYYY-MM-DDThh:mm:ssZ`: the only form Cloud Controller's timestamp filters accept. */
function timestamp(name: string, value: unknown, rounding: "floor" | "ceil" | "exact"): string {
  const date =
    value instanceof Date ? value : typeof value === "string" && ISO.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new InvalidParameterError({
      param: name,
      problem: `must be a Date or an ISO 8601 timestamp with a zone (2024-01-01T00:00:00Z), got ${JSON.stringify(value) ?? String(value)}`,
    });
  }
  let ms = date.getTime();
  const fraction = ((ms % 1000) + 1000) % 1000;
  if (fraction && rounding === "exact")
    throw new InvalidParameterError({
      param: name,
      problem: "has a fraction of a second; Cloud Foundry timestamps are whole seconds",
    });
  if (fraction) ms += rounding === "ceil" ? 1000 - fraction : -fraction;
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
