import { InvalidParameterError, type Progress, type RequestOptions, type UploadSource } from "@pkgapi/core";
import { APIResource, loadUploads, type PollOptions, pollUntil } from "@pkgapi/core/internal";
import { MissingContentError, RecordRejectedError } from "../errors.js";
import type { components, paths } from "../generated/schema.js";
import { logIdFor } from "../ids.js";
import { anyHash, contentBytes, packageName, signature } from "../params.js";

type Schemas = components["schemas"];
/** A record and its state; switch on `state` to reach the fields of each state. */
export type PackageRecord = Schemas["PackageRecord"];
export type SourcingRecord = Schemas["SourcingRecord"];
export type ProcessingRecord = Schemas["ProcessingRecord"];
export type RejectedRecord = Schemas["RejectedRecord"];
export type PublishedRecord = Schemas["PublishedRecord"];
export type UploadEndpoint = Schemas["UploadEndpoint"];
export type ContentSource = Schemas["ContentSource"];

const RECORD_PATH = "/package/{logId}/record/{recordId}" satisfies keyof paths;
const PUBLISH_PATH = "/package/{logId}/record" satisfies keyof paths;
const UPLOAD_HEADERS = new Set(["authorization", "content-type"]);

export interface RecordRef {
  /** The package log id, `sha256:<hex>` (see `logIdFor`). */
  logId: string;
  /** The record id, `sha256:<hex>` (see `recordIdFor`). */
  recordId: string;
}

export interface PublishParams {
  /** `<namespace>:<name>`, e.g. `example:greeter`; the log id is derived from it. */
  packageName: string;
  record: {
    /** The signed protobuf record: base64, or the raw bytes (encoded for you). */
    contentBytes: string | Uint8Array;
    /** The signing key's id, `sha256:<hex>`. */
    keyId: string;
    /** `<algorithm>:<base64>`, e.g. `ecdsa-p256:MEUC…`. */
    signature: string;
  };
  /** Where the registry could download content (digest → sources). warg-server refuses it (501). */
  contentSources?: Record<string, ContentSource[]>;
}

export interface WaitOptions extends PollOptions {
  /**
   * Keep waiting while the record is `sourcing` (its content is being uploaded elsewhere).
   * Default false: a `sourcing` record cannot be published, so waiting throws `MissingContentError`.
   */
  allowSourcing?: boolean;
}

/** Content to upload, by digest (`sha256:<hex>`): paths, Blobs, bytes or streams. */
export type ContentMap = Record<string, UploadSource> | Map<string, UploadSource>;

export interface UploadOptions extends Omit<RequestOptions, "headers"> {
  onProgress?: (progress: Progress & { digest: string }) => void;
}

export class Records extends APIResource<paths> {
  /** A record of a package log and its state. */
  async get(ref: RecordRef, options?: RequestOptions): Promise<PackageRecord> {
    const path = checkRef(ref);
    return this.data(this.api.GET(RECORD_PATH, { params: { path }, ...this.call(options) }));
  }

  /**
   * Publishes a signed record to the log of `packageName` (the log id is derived here). The
   * answer is `sourcing` (upload its `missingContent`) or `processing`; then `waitFor` it.
   */
  async publish(params: PublishParams, options?: RequestOptions): Promise<PackageRecord> {
    const body = checkPublish(params);
    const path = { logId: await logIdFor(body.packageName) };
    return this.data(this.api.POST(PUBLISH_PATH, { params: { path }, body, ...this.call(options) }));
  }

  /**
   * Polls the record until it is `published` and returns it. Throws `RecordRejectedError` when
   * it is rejected, `MissingContentError` when it is `sourcing` (unless `allowSourcing`), and
   * `WaitTimeoutError` after `timeout` ms (default 5 minutes).
   */
  async waitFor(ref: RecordRef, options: WaitOptions = {}): Promise<PublishedRecord> {
    const { allowSourcing = false, ...poll } = options;
    const { logId, recordId } = checkRef(ref);
    return pollUntil(
      `Record ${recordId} of log ${logId}`,
      (msLeft, signal) => this.get(ref, { signal, timeout: msLeft }),
      (value): value is PublishedRecord => {
        if (value.state === "rejected") throw new RecordRejectedError({ record: value });
        if (value.state === "sourcing" && !allowSourcing) throw new MissingContentError({ record: value });
        return value.state === "published";
      },
      poll,
    );
  }

  /**
   * Uploads the content a `sourcing` record lacks, one digest after the other, to the endpoint
   * the registry named for it. Every input is checked before the first upload. Node only.
   */
  async uploadMissingContent(record: SourcingRecord, contents: ContentMap, options: UploadOptions = {}): Promise<void> {
    const { onProgress, ...requestOptions } = options;
    const { hashing, openSource, rawBody, sendUpload, trackProgress, verifyingDigest } = await loadUploads();
    // Relative upload URLs (warg-server sends `v1/package/…`) are relative to the registry root.
    const root = `${this.runtime.baseUrl.replace(/\/v1$/, "")}/`;
    const uploads = await Promise.all(
      planUploads(record, contents, root).map(async (upload) => ({
        ...upload,
        // The digest is checked while streaming: a mismatch aborts before the last chunk is sent.
        file: verifyingDigest(
          await hashing(await openSource(`contents["${upload.digest}"]`, upload.source), "sha256"),
          "sha256",
          upload.digest.slice("sha256:".length),
          `Content ${upload.digest}`,
        ),
      })),
    );
    for (const { digest, method, url, headers, file } of uploads) {
      const { "content-type": contentType, ...rest } = headers;
      await sendUpload(
        this.runtime,
        // Only the endpoint's own headers go out, as given (also `authorization`, to any host);
        // the client's token and headers do not. `accept: */*`: warg-server answers an empty 201.
        // Idempotent: the upload is content-addressed, so sending the same bytes again is harmless.
        {
          method,
          url: url.href,
          body: rawBody(
            trackProgress(file, onProgress && ((progress) => onProgress({ ...progress, digest }))),
            contentType,
          ),
          headers: { ...rest, accept: "*/*" },
          idempotent: true,
          credentials: "request",
        },
        requestOptions,
      );
    }
  }
}

function checkRef(ref: RecordRef) {
  if (typeof ref !== "object" || ref === null) throw new TypeError("Expected { logId, recordId }");
  return { logId: anyHash("logId", ref.logId), recordId: anyHash("recordId", ref.recordId) };
}

function checkPublish(params: PublishParams) {
  if (typeof params !== "object" || params === null) throw new TypeError("Expected { packageName, record }");
  const { record, contentSources } = params;
  if (typeof record !== "object" || record === null)
    throw new InvalidParameterError({
      param: "record",
      problem: "must be an object { contentBytes, keyId, signature }",
    });
  for (const digest of Object.keys(contentSources ?? {})) anyHash("contentSources", digest);
  return {
    packageName: packageName("packageName", params.packageName),
    record: {
      contentBytes: contentBytes("record.contentBytes", record.contentBytes).base64,
      keyId: anyHash("record.keyId", record.keyId),
      signature: signature("record.signature", record.signature),
    },
    // The spec asks to leave an empty map out.
    ...(contentSources && Object.keys(contentSources).length > 0 ? { contentSources } : {}),
  };
}

/** What to upload where, checked as warg-client does: the first endpoint, POST or PUT, two headers. */
function planUploads(record: SourcingRecord, contents: ContentMap, root: string) {
  if (record?.state !== "sourcing" || typeof record.missingContent !== "object" || record.missingContent === null) {
    throw new InvalidParameterError({
      param: "record",
      problem: `must be a record in state \`sourcing\`, got ${JSON.stringify(record?.state)}`,
    });
  }
  if (typeof contents !== "object" || contents === null)
    throw new InvalidParameterError({ param: "contents", problem: "must be an object or Map of digest → content" });
  return Object.entries(record.missingContent).map(([digest, missing]) => {
    anyHash("record.missingContent", digest);
    const at = `record.missingContent["${digest}"].upload[0]`;
    const endpoint = missing?.upload?.[0];
    if (endpoint?.type !== "http")
      throw new InvalidParameterError({ param: at, problem: "must be an `http` upload endpoint" });
    if (endpoint.method !== "POST" && endpoint.method !== "PUT")
      throw new InvalidParameterError({
        param: `${at}.method`,
        problem: `must be POST or PUT, got ${JSON.stringify(endpoint.method)}`,
      });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(endpoint.headers ?? {})) {
      if (!UPLOAD_HEADERS.has(name.toLowerCase()))
        throw new InvalidParameterError({
          param: `${at}.headers`,
          problem: `names ${JSON.stringify(name)}; only authorization and content-type may be sent`,
        });
      headers[name.toLowerCase()] = value;
    }
    const url = URL.canParse(endpoint.url, root) ? new URL(endpoint.url, root) : undefined;
    if (url?.protocol !== "http:" && url?.protocol !== "https:")
      throw new InvalidParameterError({
        param: `${at}.url`,
        problem: `must be an http(s) URL, got ${JSON.stringify(endpoint.url)}`,
      });
    const source = contents instanceof Map ? contents.get(digest) : contents[digest];
    if (source === undefined)
      throw new InvalidParameterError({
        param: `contents["${digest}"]`,
        problem: "is missing: the record needs this content",
      });
    return { digest, method: endpoint.method, url, headers, source };
  });
}
