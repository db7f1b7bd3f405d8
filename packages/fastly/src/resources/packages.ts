import {
  IntegrityError,
  NotFoundError,
  type RequestOptions,
  type TransferOptions,
  type UploadSource,
} from "@pkgapi/core";
import { APIResource, fillPath, loadUploads } from "@pkgapi/core/internal";
import type { components, paths } from "../generated/schema.js";
import { checkRef } from "../params.js";

export type PackageResponse = components["schemas"]["PackageResponse"];
export type PackageMetadata = components["schemas"]["PackageMetadata"];

/** Fastly refuses packages over 100 MB; so does the Fastly CLI, before uploading. */
export const MAX_PACKAGE_BYTES = 100_000_000;
const PACKAGE_PATH = "/service/{service_id}/version/{version_id}/package" satisfies keyof paths;

export interface PackageRef {
  /** Alphanumeric service id, e.g. `SU1Z0isxPaozGVKXdv0eY`. */
  serviceId: string;
  /** Service version number (>= 1). */
  version: number;
}

export interface UploadParams extends PackageRef {
  /** The `.tar.gz` package: a path, a Blob/File, a Buffer, or a stream (streams cannot be retried). */
  file: UploadSource;
  /** File name sent with the part. Default: the path's base name, the File's name, or `package.tar.gz`. */
  filename?: string;
  /**
   * Ask Fastly to check the request before the body is sent (`Expect: 100-continue`), so a
   * rejected upload (bad token, locked version) costs no bandwidth. Node only; default true.
   */
  expectContinue?: boolean;
  /** Compare Fastly's `hashsum` with the SHA-512 of what was sent; default true. */
  verifyHashsum?: boolean;
  /** Skip the upload when the version's package already has this `files_hash` (as the Fastly CLI does). */
  skipIfFilesHash?: string;
}

export interface UploadResult {
  /** The package as Fastly stored it, or the existing one when the upload was skipped. */
  package: PackageResponse;
  skipped: boolean;
  /** SHA-512 of the bytes sent (hex); undefined when skipped, with `verifyHashsum: false`, or for a stream off Node. */
  sha512?: string;
}

export class Packages extends APIResource<paths> {
  /** The package of a service version. */
  async get(ref: PackageRef, options?: RequestOptions): Promise<PackageResponse> {
    const path = checkRef(ref);
    return this.data(this.api.GET(PACKAGE_PATH, { params: { path }, ...this.call(options) }));
  }

  /**
   * Uploads a package, streamed from its source. Refuses empty files and files over 100,000,000
   * bytes before sending; checks the SHA-512 of what was sent against the `hashsum` Fastly computed.
   */
  async upload(params: UploadParams, options: TransferOptions = {}): Promise<UploadResult> {
    const { onProgress, ...requestOptions } = options;
    const path = checkRef(params);
    const { hashing, multipart, openSource, sendUpload, trackProgress } = await loadUploads();
    const opened = await openSource("file", params.file, {
      filename: params.filename ?? defaultName(params.file),
      maxBytes: MAX_PACKAGE_BYTES,
      nonEmpty: true,
    });
    const source = trackProgress(opened, onProgress);
    // Hashing costs time on every byte: only when the result will be checked.
    const file =
      params.verifyHashsum === false ? { ...source, digest: () => undefined } : await hashing(source, "sha512");
    if (params.skipIfFilesHash) {
      const current = await this.get(params, requestOptions).catch((error) => {
        if (error instanceof NotFoundError) return undefined; // no package yet: upload
        throw error;
      });
      if (current?.metadata?.files_hash === params.skipIfFilesHash) return { package: current, skipped: true };
    }
    const response = await sendUpload(
      this.runtime,
      {
        method: "PUT",
        url: fillPath(PACKAGE_PATH, path),
        body: multipart([{ name: "package", file, contentType: "application/gzip" }]),
      },
      { ...requestOptions, expectContinue: params.expectContinue ?? true },
    );
    const stored = await this.json(response, PACKAGE_PATH, "put");
    const sha512 = file.digest();
    const hashsum = stored.metadata?.hashsum;
    if (sha512 && hashsum && hashsum.toLowerCase() !== sha512) {
      throw new IntegrityError({
        algorithm: "sha512",
        expected: sha512,
        actual: hashsum,
        what: `Fastly stored a different package than was sent (service ${params.serviceId} version ${params.version})`,
      });
    }
    return { package: stored, skipped: false, sha512 };
  }
}

function defaultName(file: UploadSource): string | undefined {
  return typeof file === "string" || (typeof File !== "undefined" && file instanceof File)
    ? undefined
    : "package.tar.gz";
}
