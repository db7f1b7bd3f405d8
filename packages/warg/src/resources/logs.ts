import { InvalidParameterError, type RequestOptions } from "@pkgapi/core";
import { APIResource, integerParam } from "@pkgapi/core/internal";
import type { components, paths } from "../generated/schema.js";
import { anyHash } from "../params.js";

type Schemas = components["schemas"];
export type SignedCheckpoint = Schemas["SignedCheckpoint"];
export type FetchLogsParams = Schemas["FetchLogsRequest"];
export type FetchLogsResponse = Schemas["FetchLogsResponse"];
export type PublishedRecordEnvelope = Schemas["PublishedRecordEnvelope"];

/** The registry log: checkpoints and the published records of package logs. */
export class Logs extends APIResource<paths> {
  /** The latest checkpoint; its `contents.logLength` is what `fetch` reads up to. */
  async checkpoint(options?: RequestOptions): Promise<SignedCheckpoint> {
    return this.data(this.api.GET("/fetch/checkpoint", this.call(options)));
  }

  /** One page of published records of the given logs (log id → last fetch token or null). */
  async fetch(params: FetchLogsParams, options?: RequestOptions): Promise<FetchLogsResponse> {
    const body = checkFetch(params);
    return this.data(this.api.POST("/fetch/logs", { body, ...this.call(options) }));
  }
}

function checkFetch(params: FetchLogsParams): FetchLogsParams {
  if (typeof params !== "object" || params === null) throw new TypeError("Expected { logLength, packages? }");
  integerParam("logLength", params.logLength, { min: 0 });
  if (params.limit !== undefined) integerParam("limit", params.limit, { min: 1, max: 1000 });
  if (params.operator !== undefined) anyHash("operator", params.operator);
  if (params.packages !== undefined && (typeof params.packages !== "object" || params.packages === null))
    throw new InvalidParameterError({
      param: "packages",
      problem: "must be an object of log id → fetch token or null",
    });
  for (const [logId, token] of Object.entries(params.packages ?? {})) {
    anyHash("packages", logId);
    if (token !== null) anyHash(`packages["${logId}"]`, token);
  }
  return params;
}
