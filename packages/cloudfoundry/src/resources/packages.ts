import {
  type Download,
  InvalidParameterError,
  Page,
  PagePromise,
  type RequestOptions,
  type SavedFile,
  saveDownload,
  type TransferOptions,
  type UploadSource,
} from "@pkgapi/core";
import {
  APIResource,
  download,
  fillPath,
  integerParam,
  loadUploads,
  type Part,
  type PollOptions,
  pollUntil,
  rebaseLink,
} from "@pkgapi/core/internal";
import { PackageFailedError } from "../errors.js";
import type { components, paths } from "../generated/schema.js";
import {
  ALL_FILTERS,
  APP_FILTERS,
  type AppPackageFilters,
  guidParam,
  listQuery,
  type PackageFilters,
  type PackageType,
} from "../params.js";
import { Jobs, PendingJob } from "./jobs.js";

export type Package = components["schemas"]["Package"];
export type Pagination = components["schemas"]["Pagination"];
export type MetadataCreate = components["schemas"]["MetadataCreate"];
export type MetadataUpdate = components["schemas"]["MetadataUpdate"];
type PackageList = components["schemas"]["PackageList"];

const PACKAGES = "/v3/packages" satisfies keyof paths;
const PACKAGE = "/v3/packages/{guid}" satisfies keyof paths;
const APP_PACKAGES = "/v3/apps/{guid}/packages" satisfies keyof paths;
const UPLOAD = "/v3/packages/{guid}/upload" satisfies keyof paths;
const DOWNLOAD = "/v3/packages/{guid}/download" satisfies keyof paths;

export interface DockerData {
  /** Image reference, e.g. `registry.example.org/payments/api:1.4.2`. */
  image: string;
  username?: string;
  password?: string;
}

export type CreateParams = {
  appGuid: string;
  metadata?: MetadataCreate;
} & ({ type: "bits"; data?: Record<string, never> } | { type: "docker"; data: DockerData });

export interface CopyParams {
  /** The package to copy. */
  sourceGuid: string;
  /** The app that gets the copy; it must differ from the source package's app. */
  appGuid: string;
}

export interface UpdateParams {
  /** Merged into the package's metadata; a `null` value deletes the key. */
  metadata?: MetadataUpdate;
  /** docker only: new registry credentials (restage the app to use them). */
  username?: string;
  password?: string;
}

/** A file the blobstore already holds (as `POST /v3/resource_matches` reports it), added without uploading it. */
export interface ResourceMatch {
  /** SHA-1 of the file: 40 lowercase hex digits. */
  checksum: { value: string };
  size_in_bytes: number;
  /** Path relative to the app root, without `..`. */
  path: string;
  /** Octal file mode, e.g. `"644"`; it must let the owner read and write. Default `0744`. */
  mode?: string;
}

export interface UploadParams {
  guid: string;
  /** A zip of the files not listed in `resources`: a path, a Blob/File, a Buffer, or a stream (streams cannot be retried). */
  bits?: UploadSource;
  /** Files to take from the resource cache instead of the zip. */
  resources?: readonly ResourceMatch[];
}

/** One page of packages, with Cloud Foundry's pagination info (`total_results`, `next`, …). */
export class PackagePage extends Page<Package> {
  readonly pagination: Pagination;

  constructor(list: PackageList, loadNext?: () => Promise<PackagePage>) {
    super(list.resources, loadNext, list.pagination?.next?.href);
    this.pagination = list.pagination;
  }
}

export class Packages extends APIResource<paths> {
  readonly #jobs = new Jobs(this.runtime, this.api);

  /** Creates a package: `bits` (in `AWAITING_UPLOAD`; upload next) or `docker` (`READY` at once). */
  async create(params: CreateParams, options?: RequestOptions): Promise<Package> {
    const { type, appGuid, data, metadata } = params ?? ({} as CreateParams);
    const body = {
      type: checkType(type),
      relationships: appRelationship(appGuid),
      data: checkData(type, data),
      metadata,
    };
    return this.data(this.api.POST(PACKAGES, { body, ...this.call(options) }));
  }

  /** Copies a package to another app: a bits copy starts `COPYING`; metadata is not copied. */
  async copy(params: CopyParams, options?: RequestOptions): Promise<Package> {
    const source_guid = guidParam("sourceGuid", params?.sourceGuid);
    return this.data(
      this.api.POST(PACKAGES, {
        params: { query: { source_guid } },
        body: { relationships: appRelationship(params.appGuid) },
        ...this.call(options),
      }),
    );
  }

  async get(guid: string, options?: RequestOptions): Promise<Package> {
    return this.data(
      this.api.GET(PACKAGE, { params: { path: { guid: guidParam("guid", guid) } }, ...this.call(options) }),
    );
  }

  /** Merges labels and annotations; for docker packages, replaces the registry credentials. */
  async update(guid: string, params: UpdateParams, options?: RequestOptions): Promise<Package> {
    const path = { guid: guidParam("guid", guid) };
    return this.data(this.api.PATCH(PACKAGE, { params: { path }, body: params ?? {}, ...this.call(options) }));
  }

  /**
   * Deletes a package. Cloud Controller deletes it in a job: `await (await packages.delete(guid)).wait()`
   * waits until the job is `COMPLETE` (and throws `JobFailedError` if it fails).
   */
  async delete(guid: string, options?: RequestOptions): Promise<PendingJob> {
    const path = { guid: guidParam("guid", guid) };
    const { response } = await this.api.DELETE(PACKAGE, { params: { path }, ...this.call(options) });
    const location = response.headers.get("location");
    const url =
      location !== null && URL.canParse(location, `${this.runtime.baseUrl}/`)
        ? new URL(location, `${this.runtime.baseUrl}/`)
        : undefined;
    const jobGuid = url && /\/v3\/jobs\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    if (!url || !jobGuid) {
      throw this.runtime.invalidResponse(
        response,
        `expected a Location header naming the deletion job (/v3/jobs/{guid}), got ${JSON.stringify(location)}`,
        "DELETE",
      );
    }
    return new PendingJob(decodeURIComponent(jobGuid), url.href, this.#jobs);
  }

  /** Packages of every space the user can read: `await` for one page, `for await` for every package. */
  list(filters: PackageFilters = {}, options?: RequestOptions): PagePromise<PackagePage, Package> {
    return new PagePromise(async () => {
      const query = listQuery(filters, ALL_FILTERS, "list");
      const { data, response } = await this.api.GET(PACKAGES, { params: { query }, ...this.call(options) });
      return this.#page(data, response, options);
    });
  }

  /** Packages of one app: `await` for one page, `for await` for every package. */
  listForApp(
    appGuid: string,
    filters: AppPackageFilters = {},
    options?: RequestOptions,
  ): PagePromise<PackagePage, Package> {
    return new PagePromise(async () => {
      const path = { guid: guidParam("appGuid", appGuid) };
      const query = listQuery(filters, APP_FILTERS, "listForApp");
      const { data, response } = await this.api.GET(APP_PACKAGES, { params: { path, query }, ...this.call(options) });
      return this.#page(data, response, options);
    });
  }

  #page(list: PackageList | undefined, response: Response, options?: RequestOptions): PackagePage {
    if (!Array.isArray(list?.resources))
      throw this.runtime.invalidResponse(response, "expected `resources` to be an array of packages");
    const next = list.pagination?.next?.href;
    return new PackagePage(list, next ? () => this.#nextPage(next, options) : undefined);
  }

  // `next.href` already carries every filter; its path and query are rebased onto `baseUrl` so that
  // every page comes from the API the client was configured with, whatever host the server names.
  async #nextPage(href: string, options?: RequestOptions): Promise<PackagePage> {
    const response = await this.runtime.send({ method: "GET", url: rebaseLink(this.runtime.baseUrl, href) }, options);
    return this.#page(await this.json(response, PACKAGES, "get"), response, options);
  }

  /**
   * Uploads the app's files to a bits package in `AWAITING_UPLOAD`, streamed: `bits` (a zip)
   * and/or `resources` (files the blobstore already holds). Answers the package in
   * `PROCESSING_UPLOAD`; `waitUntilReady` then reports how packing went.
   */
  async upload(params: UploadParams, options: TransferOptions = {}): Promise<Package> {
    const { onProgress, ...requestOptions } = options;
    const guid = guidParam("guid", params?.guid);
    const resources = checkResources(params.resources);
    if (params.bits == null && resources.length === 0)
      throw new InvalidParameterError({
        param: "bits",
        problem: "is required unless `resources` lists at least one file",
      });
    const { multipart, openSource, sendUpload, trackProgress } = await loadUploads();
    // The order of the cf CLI: the `resources` text field (JSON) first, then the zip, streamed
    // from its source (the generated SDK would need the whole zip in a Blob).
    const parts: Part[] = [];
    if (resources.length) parts.push({ name: "resources", value: JSON.stringify(resources) });
    if (params.bits != null)
      parts.push({
        name: "bits",
        file: trackProgress(await openSource("bits", params.bits, { filename: "package.zip" }), onProgress),
        contentType: "application/zip",
      });
    const response = await sendUpload(
      this.runtime,
      { method: "POST", url: fillPath(UPLOAD, { guid }), body: multipart(parts) },
      requestOptions,
    );
    return this.json(response, UPLOAD, "post");
  }

  /**
   * Downloads a `READY` bits package's zip as a stream. Follows Cloud Controller's redirect to
   * the blobstore without the token; also takes the zip when the API serves it itself.
   */
  async download(guid: string, options: TransferOptions = {}): Promise<Download> {
    return download(this.runtime, fillPath(DOWNLOAD, { guid: guidParam("guid", guid) }), options);
  }

  /**
   * Node: downloads a `READY` bits package's zip into `path` in one call. The zip is checked
   * against the package's `data.checksum` (SHA-256 or SHA-1; one extra GET) unless `verify` is
   * false; it is written to `<path>.partial` and renamed once complete and verified.
   */
  async downloadToFile(
    guid: string,
    path: string,
    options: TransferOptions & { verify?: boolean } = {},
  ): Promise<SavedFile> {
    const id = guidParam("guid", guid);
    if (typeof path !== "string" || !path)
      throw new InvalidParameterError({ param: "path", problem: "must be a file path" });
    const { verify = true, ...downloadOptions } = options;
    const checksum = verify
      ? (await this.get(id, { signal: options.signal, timeout: options.timeout, headers: options.headers })).data
          .checksum
      : undefined;
    const algorithm = checksum?.type === "sha256" || checksum?.type === "sha1" ? checksum.type : undefined;
    const integrity = algorithm && checksum?.value ? { algorithm, expected: checksum.value } : undefined;
    return saveDownload(await this.download(id, downloadOptions), path, { integrity });
  }

  /**
   * Polls until the package is `READY` and returns it. Throws `PackageFailedError` when it ends
   * `FAILED` or `EXPIRED`, `WaitTimeoutError` at the deadline (default 5 minutes).
   */
  async waitUntilReady(guid: string, options: PollOptions = {}): Promise<Package> {
    const id = guidParam("guid", guid);
    return pollUntil(
      `Package ${id}`,
      (msLeft, signal) => this.get(id, { signal, timeout: msLeft }),
      (pkg) => {
        if (pkg.state === "FAILED" || pkg.state === "EXPIRED") throw new PackageFailedError({ package: pkg });
        return pkg.state === "READY";
      },
      options,
    );
  }
}

function appRelationship(appGuid: unknown) {
  return { app: { data: { guid: guidParam("appGuid", appGuid) } } };
}

function checkType(type: unknown): PackageType {
  if (type !== "bits" && type !== "docker")
    throw new InvalidParameterError({
      param: "type",
      problem: `must be "bits" or "docker", got ${JSON.stringify(type) ?? String(type)}`,
    });
  return type;
}

function checkData(type: PackageType, data: unknown) {
  if (type === "bits") {
    // Cloud Controller answers 422 to any key in a bits package's data.
    if (data != null && (typeof data !== "object" || Object.keys(data).length))
      throw new InvalidParameterError({ param: "data", problem: "must be left out for a bits package" });
    return undefined;
  }
  const { image } = (data ?? {}) as Partial<DockerData>;
  if (typeof image !== "string" || !image.trim())
    throw new InvalidParameterError({ param: "data.image", problem: "is required for a docker package" });
  return data as DockerData;
}

function checkResources(resources: unknown): ResourceMatch[] {
  if (resources === undefined) return [];
  if (!Array.isArray(resources))
    throw new InvalidParameterError({
      param: "resources",
      problem: "must be an array of { checksum: { value }, size_in_bytes, path, mode? }",
    });
  return resources.map((resource, i) => checkResource(`resources[${i}]`, resource));
}

// Cloud Controller checks these only later, failing the whole package; check them before sending.
function checkResource(name: string, resource: unknown): ResourceMatch {
  if (typeof resource !== "object" || resource === null)
    throw new InvalidParameterError({ param: name, problem: "must be an object" });
  const { checksum, size_in_bytes, path, mode } = resource as Partial<ResourceMatch>;
  const sha1 = checksum?.value;
  if (typeof sha1 !== "string" || !/^[0-9a-f]{40}$/.test(sha1))
    throw new InvalidParameterError({
      param: `${name}.checksum.value`,
      problem: "must be a SHA-1: 40 lowercase hex digits",
    });
  const size = integerParam(`${name}.size_in_bytes`, size_in_bytes, { min: 0 });
  if (
    typeof path !== "string" ||
    !path ||
    path.includes("\0") ||
    /^([/\\]|[A-Za-z]:)/.test(path) ||
    path.split(/[/\\]/).includes("..")
  ) {
    throw new InvalidParameterError({
      param: `${name}.path`,
      problem: `must be a path relative to the app root, without "..", got ${JSON.stringify(path) ?? String(path)}`,
    });
  }
  if (
    mode !== undefined &&
    (typeof mode !== "string" || !/^[0-7]{3,6}$/.test(mode) || (Number.parseInt(mode, 8) & 0o600) !== 0o600)
  ) {
    throw new InvalidParameterError({
      param: `${name}.mode`,
      problem: `must be an octal mode string that lets the owner read and write (e.g. "644"), got ${JSON.stringify(mode) ?? String(mode)}`,
    });
  }
  return { checksum: { value: sha1 }, size_in_bytes: size, path, ...(mode === undefined ? {} : { mode }) };
}
