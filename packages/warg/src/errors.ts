import { PkgapiError } from "@pkgapi/core";
import { apiErrorGuard } from "@pkgapi/core/internal";
import type { components } from "./generated/schema.js";

type RejectedRecord = components["schemas"]["RejectedRecord"];
type SourcingRecord = components["schemas"]["SourcingRecord"];
type Schemas = components["schemas"];

/**
 * A warg registry's error body: `{ status, message }`, or a typed one `{ status, type, id }`
 * (404 `log`/`record`/`namespace`, 409 `namespaceImport`/`record`).
 */
export type WargErrorBody =
  | Schemas["ErrorResponse"]
  | Schemas["RecordNotFoundError"]
  | Schemas["NamespaceNotFoundError"]
  | Schemas["PublishConflictError"];

/** True for an `APIError` with a warg error body; switch on `"type" in error.body` for the typed ones. */
export const isWargError = apiErrorGuard<WargErrorBody>(
  (body) => typeof body.message === "string" || typeof body.type === "string",
);

/** The registry rejected the record (`state: rejected`); `reason` says why. */
export class RecordRejectedError extends PkgapiError {
  static override readonly kind: string = "RecordRejectedError";
  readonly record: RejectedRecord;
  readonly reason: string;

  constructor({ record }: { record: RejectedRecord }) {
    super({ message: `Record ${record.recordId} was rejected: ${record.reason}` });
    this.record = record;
    this.reason = record.reason;
  }
}

/**
 * A record was still `sourcing` while being waited for: it will not be published until its
 * content is uploaded (see `records.uploadMissingContent`). warg-client treats this as an error too.
 */
export class MissingContentError extends PkgapiError {
  static override readonly kind: string = "MissingContentError";
  readonly record: SourcingRecord;
  /** The content digests the registry still lacks. */
  readonly digests: string[];

  constructor({ record }: { record: SourcingRecord }) {
    const digests = Object.keys(record.missingContent ?? {});
    super({ message: `Record ${record.recordId} is waiting for content that was not uploaded: ${digests.join(", ")}` });
    this.record = record;
    this.digests = digests;
  }
}
