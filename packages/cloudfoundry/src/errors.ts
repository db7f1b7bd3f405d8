import { PkgapiError } from "@pkgapi/core";
import { apiErrorGuard } from "@pkgapi/core/internal";
import type { components } from "./generated/schema.js";
import type { ErrorItem, Job } from "./resources/jobs.js";
import type { Package } from "./resources/packages.js";

/** Cloud Controller's error body: `{ errors: [{ code, title, detail }] }`. */
export type CloudFoundryErrorBody = components["schemas"]["Errors"];
/** One error: branch on `code` or `title` (`CF-ResourceNotFound`); `detail` is for humans. */
export type CloudFoundryErrorItem = components["schemas"]["ErrorItem"];

/** True for an `APIError` with Cloud Controller's error body; `error.body.errors` is then typed. */
export const isCloudFoundryError = apiErrorGuard<CloudFoundryErrorBody>((body) => Array.isArray(body.errors));

/** A job ended `FAILED`; `errors` are Cloud Controller's reasons (`{ code, title, detail }`). */
export class JobFailedError extends PkgapiError {
  static override readonly kind: string = "JobFailedError";
  readonly job: Job;
  readonly errors: ErrorItem[];

  constructor({ job }: { job: Job }) {
    const [first] = job.errors;
    super({
      message: `Job ${job.guid} (${job.operation}) failed: ${first ? `${first.title}: ${first.detail}` : "no reason given"}`,
    });
    this.job = job;
    this.errors = job.errors;
  }
}

/** A package ended `FAILED` (packing or copying failed) or `EXPIRED` while it was awaited. */
export class PackageFailedError extends PkgapiError {
  static override readonly kind: string = "PackageFailedError";
  readonly package: Package;
  /** `data.error`: why packing or copying failed. */
  readonly reason?: string;

  constructor({ package: pkg }: { package: Package }) {
    const reason = pkg.data.error ?? undefined;
    const message =
      pkg.state === "EXPIRED"
        ? `Package ${pkg.guid} expired: its bits were deleted`
        : `Package ${pkg.guid} failed: ${reason ?? "no reason given"}`;
    super({ message });
    this.package = pkg;
    this.reason = reason;
  }
}
