// Every operation × declared status, through all three clients, against Prism (`--errors`).
// Prism answers with the spec's examples; `Prefer: code=N` selects the status.
import { withHeaders } from "@pkgapi/testing";
import { describe, expect, inject, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  createCloudFoundryClient,
  InternalServerError,
  JobFailedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestOptions,
  UnprocessableEntityError,
  withResponse,
} from "../src/index.js";
import {
  createConfiguration,
  JobState,
  JobsApi,
  PackageOrderBy,
  PackageState,
  PackagesApi,
  PackageType,
} from "../src/sdk.js";

const baseUrl = inject("mockUrl");
const token = "contract-test-token";
const GUID = "44f7c078-0934-470f-9883-4fcddc5b8f13";
const APP = "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5";
const OTHER_APP = "9a3c5e77-41d2-4b8f-a0e6-3c1d2f4b5a68";
const JOB = "c33a5caf-77e0-4d6e-b587-5555d339bc9a";
const RESOURCES = [
  {
    checksum: { value: "002d760bea1be268e27077412e11a320d0f164d3" },
    size_in_bytes: 1024,
    path: "app/lib/server.js",
    mode: "644",
  },
];
const ZIP = Buffer.from("PK\u0003\u0004 contract-test package bytes");
const tagged = (client: string) => ({ token, baseUrl, maxRetries: 0, headers: { "x-contract-client": client } });
const prefer = (status: number) => ({ headers: { prefer: `code=${status}` } });
// Prism only mocks a status whose media type the request accepts (Cloud Controller ignores Accept):
// nginx's 413 page is HTML, the rate limiter's 429 is text/plain.
const ERROR_MEDIA_TYPES: Record<number, string> = { 413: "text/html", 429: "text/plain" };
const preferError = (status: number) => ({
  headers: {
    prefer: `code=${status}`,
    ...(ERROR_MEDIA_TYPES[status] ? { accept: `application/json, ${ERROR_MEDIA_TYPES[status]}` } : {}),
  },
});

const cf = createCloudFoundryClient(tagged("facade"));
const facade = cf.packages;
const raw = createCloudFoundryClient(tagged("fetch")).raw;
const sdk = new PackagesApi(createConfiguration(tagged("sdk")));
const sdkJobs = new JobsApi(createConfiguration(tagged("sdk")));
const sdkWith = (headers: Record<string, string>) => sdk.withPreMiddleware(withHeaders(headers));
const sdkClients = (headers: Record<string, string>) => ({
  packages: sdkWith(headers),
  jobs: sdkJobs.withPreMiddleware(withHeaders(headers)),
});
// As the cf CLI sends them: `resources` a plain text field (no file name), then the zip.
const uploadForm = (body: { bits?: Blob; resources?: string }) => {
  const form = new FormData();
  if (body.resources) form.append("resources", body.resources);
  form.append("bits", body.bits as Blob, "package.zip");
  return form;
};
const blob = () => new Blob([ZIP], { type: "application/zip" });

const packageShape = {
  guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
  created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  updated_at: expect.any(String),
  type: expect.stringMatching(/^(bits|docker)$/),
  data: expect.any(Object),
  state: expect.any(String),
  relationships: { app: { data: { guid: expect.any(String) } } },
  metadata: { labels: expect.any(Object), annotations: expect.any(Object) },
  links: expect.objectContaining({
    self: { href: expect.stringMatching(/^https:\/\//) },
    app: { href: expect.any(String) },
  }),
};
// `UnknownError` (500) is the one title without the `CF-` prefix.
const errorsShape = {
  errors: [
    { detail: expect.any(String), title: expect.stringMatching(/^(CF-\w+|UnknownError)$/), code: expect.any(Number) },
  ],
};
const REQUEST_ID = "5c7f3e2a-8b1d-4f6e-9a0c-2d4e6f8a0b1c::7a9b1c3d-5e7f-4a2b-8c4d-6e8f0a2b4c6d";

const ERROR_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  413: APIError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
  502: InternalServerError,
  503: InternalServerError,
};

/** One operation through each client, with per-call options (the facade) or headers (the others). */
interface Operation {
  errors: number[];
  facade(options: RequestOptions): PromiseLike<unknown>;
  fetch(headers: Record<string, string>): Promise<{ error?: unknown; response: Response }>;
  sdk(api: { packages: PackagesApi; jobs: JobsApi }): Promise<unknown>;
}

const operations: Record<string, Operation> = {
  listAppPackages: {
    errors: [400, 401, 403, 404, 429, 500, 503],
    facade: (options) => facade.listForApp(APP, {}, options),
    fetch: (headers) => raw.GET("/v3/apps/{guid}/packages", { params: { path: { guid: APP } }, headers }),
    sdk: ({ packages: api }) => api.listAppPackages({ guid: APP }),
  },
  listPackages: {
    errors: [400, 401, 403, 429, 500, 503],
    facade: (options) => facade.list({}, options),
    fetch: (headers) => raw.GET("/v3/packages", { headers }),
    sdk: ({ packages: api }) => api.listPackages({}),
  },
  createPackage: {
    errors: [400, 401, 403, 422, 429, 500, 503],
    facade: (options) => facade.create({ type: "bits", appGuid: APP }, options),
    fetch: (headers) =>
      raw.POST("/v3/packages", { body: { type: "bits", relationships: { app: { data: { guid: APP } } } }, headers }),
    sdk: ({ packages: api }) =>
      api.createPackage({ packageCreate: { type: PackageType.bits, relationships: { app: { data: { guid: APP } } } } }),
  },
  getPackage: {
    errors: [401, 403, 404, 429, 500, 503],
    facade: (options) => facade.get(GUID, options),
    fetch: (headers) => raw.GET("/v3/packages/{guid}", { params: { path: { guid: GUID } }, headers }),
    sdk: ({ packages: api }) => api.getPackage({ guid: GUID }),
  },
  updatePackage: {
    errors: [400, 401, 403, 404, 422, 429, 500, 503],
    facade: (options) => facade.update(GUID, { metadata: { labels: { team: "payments" } } }, options),
    fetch: (headers) =>
      raw.PATCH("/v3/packages/{guid}", {
        params: { path: { guid: GUID } },
        body: { metadata: { labels: { team: "payments" } } },
        headers,
      }),
    sdk: ({ packages: api }) =>
      api.updatePackage({ guid: GUID, packageUpdate: { metadata: { labels: { team: "payments" } } } }),
  },
  deletePackage: {
    errors: [401, 403, 404, 422, 429, 500, 503],
    facade: (options) => facade.delete(GUID, options),
    fetch: (headers) => raw.DELETE("/v3/packages/{guid}", { params: { path: { guid: GUID } }, headers }),
    sdk: ({ packages: api }) => api.deletePackage({ guid: GUID }),
  },
  uploadPackageBits: {
    errors: [400, 401, 403, 404, 413, 422, 429, 500, 503],
    facade: (options) => facade.upload({ guid: GUID, bits: ZIP }, options),
    fetch: (headers) =>
      raw.POST("/v3/packages/{guid}/upload", {
        params: { path: { guid: GUID } },
        body: { bits: blob() },
        bodySerializer: uploadForm,
        headers,
      }),
    sdk: ({ packages: api }) => api.uploadPackageBits({ guid: GUID, bits: blob() }),
  },
  downloadPackageBits: {
    errors: [401, 403, 404, 422, 429, 500, 502, 503],
    facade: (options) => facade.download(GUID, options),
    fetch: (headers) =>
      raw.GET("/v3/packages/{guid}/download", { params: { path: { guid: GUID } }, parseAs: "arrayBuffer", headers }),
    sdk: ({ packages: api }) => api.downloadPackageBits({ guid: GUID }),
  },
  getJob: {
    errors: [401, 403, 404, 429, 500, 503],
    facade: (options) => cf.jobs.get(JOB, options),
    fetch: (headers) => raw.GET("/v3/jobs/{guid}", { params: { path: { guid: JOB } }, headers }),
    sdk: ({ jobs }) => jobs.getJob({ guid: JOB }),
  },
};

describe("errors: every declared error status through every client", () => {
  for (const [name, operation] of Object.entries(operations)) {
    for (const status of operation.errors) {
      it(`${name} ${status}`, async () => {
        const ErrorClass = ERROR_CLASSES[status] as typeof APIError;
        const failure = await operation.facade(preferError(status)).then(
          () => expect.fail("the facade resolved"),
          (e: unknown) => e as APIError,
        );
        expect(failure).toBeInstanceOf(ErrorClass);
        expect(failure.status).toBe(status);
        if (status === 413) {
          // nginx answers this one itself, with an HTML page.
          expect(failure.body).toContain("413 Request Entity Too Large");
        } else {
          expect(failure.body).toEqual(errorsShape);
          const [first] = (failure.body as { errors: Array<{ title: string; detail: string; code: number }> }).errors;
          expect(failure.message).toContain(`${status} ${first?.title}: ${first?.detail}`);
          expect(failure.code).toBe(first?.code);
          expect(failure.requestId).toBe(REQUEST_ID);
        }
        if (status === 429) {
          // Cloud Controller's rate limiter sends its JSON envelope as text/plain.
          expect(failure.headers.get("content-type")).toMatch(/^text\/plain/);
          expect(failure.code).toBe(10013);
          expect(failure.headers.get("retry-after")).toBe("1800");
          expect(failure.rateLimit).toEqual({ remaining: 19000, resetAt: new Date(1787218200 * 1000) });
        }

        const { error, response } = await operation.fetch(preferError(status).headers);
        expect(response.status).toBe(status);
        if (status === 413) expect(error).toContain("413 Request Entity Too Large");
        else expect(error).toEqual(failure.body);

        const sdkFailure = await operation.sdk(sdkClients(preferError(status).headers)).then(
          () => expect.fail("the SDK resolved"),
          (e: unknown) => e as APIError,
        );
        expect(sdkFailure).toBeInstanceOf(ErrorClass);
        expect(sdkFailure.body).toEqual(failure.body);
      });
    }
  }
});

describe("listPackages 200", () => {
  it("through the facade, with every filter rendered as the spec declares it", async () => {
    const page = await facade.list({
      states: ["READY", "FAILED"],
      types: ["bits"],
      guids: [GUID],
      appGuids: [APP],
      spaceGuids: ["5f2a8c3e-9b1d-4e6f-8a7c-0d2e4b6a8c1f"],
      organizationGuids: ["b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"],
      labelSelector: { team: "payments", tier: { in: ["web", "api"] }, legacy: { exists: false } },
      createdAt: { gt: new Date("2026-08-01T00:00:00.250Z"), lte: "2026-09-01T00:00:00Z" },
      updatedAt: ["2026-08-20T09:13:02Z"],
      orderBy: "+created_at",
      page: 1,
      perPage: 2,
    });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject(packageShape);
    expect(page.items[1]).toMatchObject({
      type: "docker",
      data: { image: expect.any(String), username: "robot-deployer", password: "***" },
    });
    expect(page.pagination).toMatchObject({
      total_results: 3,
      total_pages: 2,
      previous: null,
      next: { href: expect.stringMatching(/^https:\/\/.*page=2/) },
    });
    expect(page.hasNextPage()).toBe(true);
  });

  it("through openapi-fetch (arrays sent comma-separated)", async () => {
    const { data, error, response } = await raw.GET("/v3/packages", {
      params: { query: { states: ["READY", "FAILED"], per_page: 2, "created_ats[gt]": "2026-08-01T00:00:00Z" } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.resources[0]).toMatchObject(packageShape);
    expect(data?.pagination.total_results).toBe(3);
  });

  it("through the generated SDK", async () => {
    // Enums are string unions (typescript-fetch 7.x `as const` objects): literals and the constants both type-check.
    const list = await sdk.listPackages({
      states: ["READY", PackageState.FAILED],
      orderBy: PackageOrderBy.created_at_desc,
      createdAtsGt: "2026-08-01T00:00:00Z",
      labelSelector: "team=payments",
    });
    expect(list.resources).toHaveLength(2);
    // `dateLibrary: string`: timestamps stay strings, as in the openapi-fetch types.
    expect(list.resources[0]?.created_at).toEqual(packageShape.created_at);
    expect(list.pagination.next?.href).toMatch(/^https:\/\//);
  });
});

describe("listAppPackages 200", () => {
  it("through every client", async () => {
    const page = await facade.listForApp(APP, { states: ["READY"], perPage: 50, labelSelector: "team=payments" });
    expect(page.items).toEqual([expect.objectContaining({ ...packageShape, state: "READY" })]);
    expect(page.pagination.next).toBeNull();
    expect(page.hasNextPage()).toBe(false);

    const { data, response } = await raw.GET("/v3/apps/{guid}/packages", {
      params: { path: { guid: APP }, query: { states: ["READY"] } },
    });
    expect(response.status).toBe(200);
    expect(data?.resources).toHaveLength(1);

    const list = await sdk.listAppPackages({ guid: APP, states: [PackageState.READY] });
    expect(list.resources[0]?.guid).toBe(page.items[0]?.guid);
  });
});

describe("createPackage 201", () => {
  it("create through every client", async () => {
    const created = await facade.create({
      type: "docker",
      appGuid: APP,
      data: { image: "registry.example.org/payments/api:1.4.2" },
      metadata: { labels: { team: "payments" } },
    });
    expect(created).toMatchObject(packageShape);

    const { data, response } = await raw.POST("/v3/packages", {
      body: { type: "bits", relationships: { app: { data: { guid: APP } } } },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({ ...packageShape, state: "AWAITING_UPLOAD" });

    const pkg = await sdk.createPackage({
      packageCreate: { type: PackageType.bits, relationships: { app: { data: { guid: APP } } } },
    });
    expect(pkg.guid).toBe(data?.guid);
  });

  it("copy (?source_guid=) through every client", async () => {
    const copied = await facade.copy({ sourceGuid: GUID, appGuid: OTHER_APP });
    expect(copied).toMatchObject(packageShape);

    const { data, response } = await raw.POST("/v3/packages", {
      params: { query: { source_guid: GUID } },
      body: { relationships: { app: { data: { guid: OTHER_APP } } } },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject(packageShape);

    const pkg = await sdk.createPackage({
      sourceGuid: GUID,
      packageCreate: { relationships: { app: { data: { guid: OTHER_APP } } } },
    });
    expect(pkg.guid).toBe(copied.guid);
  });
});

describe("getPackage 200", () => {
  it("through every client", async () => {
    const pkg = await facade.get(GUID);
    expect(pkg).toMatchObject({
      ...packageShape,
      guid: GUID,
      state: "READY",
      data: { error: null, checksum: { type: "sha256", value: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    expect(pkg.links.upload).toEqual({ href: expect.stringMatching(/\/upload$/), method: "POST" });

    const { data, response } = await raw.GET("/v3/packages/{guid}", { params: { path: { guid: GUID } } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-vcap-request-id")).toBe(REQUEST_ID);
    expect(data).toEqual(pkg);

    const sdkPkg = await sdk.getPackage({ guid: GUID });
    expect(sdkPkg).toMatchObject({ guid: GUID, state: PackageState.READY, created_at: pkg.created_at });
  });
});

describe("updatePackage 200", () => {
  it("through every client", async () => {
    const body = { metadata: { labels: { team: "payments", stale: null }, annotations: { commit: "9f2c1e0" } } };
    const pkg = await facade.update(GUID, body);
    expect(pkg).toMatchObject({
      ...packageShape,
      metadata: { labels: { team: "payments" }, annotations: { commit: "9f2c1e0" } },
    });

    const { data, response } = await raw.PATCH("/v3/packages/{guid}", { params: { path: { guid: GUID } }, body });
    expect(response.status).toBe(200);
    expect(data).toEqual(pkg);

    const sdkPkg = await sdk.updatePackage({
      guid: GUID,
      packageUpdate: { username: "robot-deployer", password: "n3w-registry-token" },
    });
    expect(sdkPkg.data).toMatchObject({ username: "robot-deployer", password: "***" });
  });
});

describe("deletePackage 202", () => {
  it("through every client: the job is named by the Location header", async () => {
    const job = await facade.delete(GUID);
    expect(job).toMatchObject({ guid: JOB, url: `https://api.cf.example/v3/jobs/${JOB}` });

    const { data, response } = await raw.DELETE("/v3/packages/{guid}", { params: { path: { guid: GUID } } });
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    expect(response.headers.get("location")).toBe(job.url);

    const sdkResponse = await sdk.deletePackageRaw({ guid: GUID });
    expect(sdkResponse.raw.status).toBe(202);
    expect(sdkResponse.raw.headers.get("location")).toBe(job.url);
  });

  it("the facade's answer can be waited on: COMPLETE resolves, FAILED throws JobFailedError with the job's errors", async () => {
    // The client's default headers pick the job example Prism serves.
    const finishing = createCloudFoundryClient({
      ...tagged("facade"),
      headers: { "x-contract-client": "facade", prefer: "example=complete" },
    });
    const done = await (await finishing.packages.delete(GUID)).wait({ interval: 10 });
    expect(done).toMatchObject({ guid: JOB, operation: "package.delete", state: "COMPLETE", errors: [] });

    const failing = createCloudFoundryClient({
      ...tagged("facade"),
      headers: { "x-contract-client": "facade", prefer: "example=failed" },
    });
    const failure = await (await failing.packages.delete(GUID)).wait({ interval: 10 }).then(
      () => expect.fail("a FAILED job resolved"),
      (e: unknown) => e as JobFailedError,
    );
    expect(failure).toBeInstanceOf(JobFailedError);
    expect(failure.errors).toEqual([
      {
        detail: "Failed to perform blobstore operation after three retries.",
        title: "CF-BlobstoreError",
        code: 150007,
      },
    ]);
    expect(failure.job.state).toBe("FAILED");
    expect(failure.message).toBe(
      `Job ${JOB} (package.delete) failed: CF-BlobstoreError: Failed to perform blobstore operation after three retries.`,
    );
  });
});

describe("getJob 200", () => {
  it("through every client, in each state the spec shows", async () => {
    for (const [example, state] of [
      ["processing", "PROCESSING"],
      ["complete", "COMPLETE"],
      ["failed", "FAILED"],
    ] as const) {
      const headers = { prefer: `example=${example}` };
      const job = await cf.jobs.get(JOB, { headers });
      expect(job).toMatchObject({
        guid: JOB,
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        operation: "package.delete",
        state,
        warnings: [],
        links: { self: { href: `https://api.cf.example/v3/jobs/${JOB}` } },
      });
      expect(job.errors).toHaveLength(state === "FAILED" ? 1 : 0);

      const { data, response } = await raw.GET("/v3/jobs/{guid}", { params: { path: { guid: JOB } }, headers });
      expect(response.status).toBe(200);
      expect(data).toEqual(job);

      const sdkJob = await sdkJobs.withPreMiddleware(withHeaders(headers)).getJob({ guid: JOB });
      expect(sdkJob).toMatchObject({ guid: JOB, state: JobState[state], created_at: job.created_at });
    }
  });
});

describe("uploadPackageBits 200", () => {
  it("through every client, with `resources` as a plain text field and the zip", async () => {
    const progress: number[] = [];
    const pkg = await facade.upload(
      { guid: GUID, bits: ZIP, resources: RESOURCES },
      { onProgress: (p) => progress.push(p.loaded) },
    );
    expect(pkg).toMatchObject({ ...packageShape, state: "PROCESSING_UPLOAD" });
    expect(progress.at(-1)).toBe(ZIP.length);

    const { data, response } = await raw.POST("/v3/packages/{guid}/upload", {
      params: { path: { guid: GUID } },
      body: { bits: blob(), resources: JSON.stringify(RESOURCES) },
      bodySerializer: uploadForm,
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(pkg);

    const sdkPkg = await sdk.uploadPackageBits({ guid: GUID, bits: blob(), resources: JSON.stringify(RESOURCES) });
    expect(sdkPkg.state).toBe(PackageState.PROCESSING_UPLOAD);
  });
});

describe("downloadPackageBits", () => {
  it("200: the zip sent by the API itself (a `local` blobstore), through every client", async () => {
    const download = await facade.download(GUID, prefer(200));
    expect(download.contentType).toBe("application/octet-stream");
    const bytes = Buffer.from(await new Response(download.stream).arrayBuffer());
    // Prism serves the spec's example: the 4-byte zip signature.
    expect(bytes).toEqual(Buffer.from("PK\u0003\u0004"));
    expect(download.size).toBe(4);

    // The generated clients send no Accept header, so the runtime's default (JSON) must be overridden.
    const { data, response } = await raw.GET("/v3/packages/{guid}/download", {
      params: { path: { guid: GUID } },
      parseAs: "arrayBuffer",
      headers: { ...prefer(200).headers, accept: "application/octet-stream" },
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(data as unknown as ArrayBuffer)).toEqual(bytes);

    const zip = await sdkWith({ ...prefer(200).headers, accept: "application/octet-stream" }).downloadPackageBits({
      guid: GUID,
    });
    expect(zip.type).toBe("application/octet-stream");
    expect(Buffer.from(await zip.arrayBuffer())).toEqual(bytes);
  });

  it("302: every client follows Location to the blobstore, without the token", async () => {
    // Prism's Location is the spec's example, a signed S3 URL; the recorder rewrites it onto a
    // local stand-in for that host (another origin), so the test never leaves the machine.
    const blobstore =
      /^https:\/\/cc-packages\.s3\.eu-central-1\.amazonaws\.com\/44\/f7\/44f7c078-0934-470f-9883-4fcddc5b8f13\?X-Amz-Algorithm=/;
    const asZip = { headers: { ...prefer(302).headers, accept: "application/zip" } };
    const viaFacade = await withResponse((o) => facade.download(GUID, { ...prefer(302), ...o }));
    expect(Buffer.from(await new Response(viaFacade.data.stream).arrayBuffer())).toEqual(Buffer.from("PK\u0005\u0006"));
    const viaRaw = await raw.GET("/v3/packages/{guid}/download", {
      params: { path: { guid: GUID } },
      parseAs: "arrayBuffer",
      ...asZip,
    });
    const viaSdk = await sdkWith(asZip.headers).downloadPackageBitsRaw({ guid: GUID });
    for (const headers of [viaFacade.response.headers, viaRaw.response.headers, viaSdk.raw.headers]) {
      expect(headers.get("x-standin-for")).toMatch(blobstore);
      expect(headers.get("x-saw-authorization")).toBe("no");
    }
  });
});

describe("the mock enforces the spec", () => {
  it("rejects requests that violate it (no token, per_page 0, a non-UUID guid)", async () => {
    const probe = { "x-contract-client": "probe" };
    const noToken = await fetch(`${baseUrl}/v3/packages/${GUID}`, { headers: probe });
    expect(noToken.status).toBe(401);
    const badPage = await fetch(`${baseUrl}/v3/packages?per_page=0`, {
      headers: { ...probe, authorization: `Bearer ${token}` },
    });
    expect(badPage.status).toBe(400);
    expect(badPage.headers.get("sl-violations")).toMatch(/per_page must be >= 1/);
    const badGuid = await fetch(`${baseUrl}/v3/packages/not-a-guid`, {
      headers: { ...probe, authorization: `Bearer ${token}` },
    });
    expect(badGuid.status).toBeGreaterThanOrEqual(400);
    expect(badGuid.headers.get("sl-violations") ?? (await badGuid.text())).toMatch(/uuid/i);
  });
});
