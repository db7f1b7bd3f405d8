// Every operation × declared status × named example, through all three clients, against Prism
// (`--errors`): the shared table of @pkgapi/testing/contract, then the checks the table cannot make.
import { withHeaders } from "@pkgapi/testing";
import { contractTable } from "@pkgapi/testing/contract";
import { describe, expect, inject, it } from "vitest";
import { APIError, createCloudFoundryClient, JobFailedError, type PackagePage, withResponse } from "../src/index.js";
import {
  createConfiguration,
  JobState,
  JobsApi,
  JobToJSON,
  PackageOrderBy,
  PackageState,
  PackagesApi,
  PackageType,
} from "../src/sdk.js";
import { APP, BLOBSTORE_URL, GUID, JOB, ORG, OTHER_APP, REQUEST_ID, SPACE } from "./fixtures.js";

const baseUrl = inject("mockUrl");
const token = "contract-test-token";
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

const cf = createCloudFoundryClient(tagged("facade"));
const facade = cf.packages;
const raw = createCloudFoundryClient(tagged("fetch")).raw;
const sdk = new PackagesApi(createConfiguration(tagged("sdk")));
const sdkJobs = new JobsApi(createConfiguration(tagged("sdk")));
const sdkWith = (headers: Record<string, string>) => sdk.withPreMiddleware(withHeaders(headers));
// As the cf CLI sends them: `resources` a plain text field (no file name), then the zip.
const uploadForm = (body: { bits?: Blob; resources?: string }) => {
  const form = new FormData();
  if (body.resources) form.append("resources", body.resources);
  form.append("bits", body.bits as Blob, "package.zip");
  return form;
};
const blob = () => new Blob([ZIP], { type: "application/zip" });
/** A page as the wire carried it. */
const wire = (page: PackagePage) => ({ pagination: page.pagination, resources: page.items });

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

contractTable({
  spec: new URL("../../../specs/cloudfoundry.yaml", import.meta.url),
  APIError,
  operations: {
    listAppPackages: {
      facade: (headers) => facade.listForApp(APP, {}, { headers }).then(wire),
      fetch: (headers) => raw.GET("/v3/apps/{guid}/packages", { params: { path: { guid: APP } }, headers }),
      sdk: (headers) => sdkWith(headers).listAppPackages({ guid: APP }),
    },
    listPackages: {
      facade: (headers) => facade.list({}, { headers }).then(wire),
      fetch: (headers) => raw.GET("/v3/packages", { headers }),
      sdk: (headers) => sdkWith(headers).listPackages({}),
    },
    createPackage: {
      facade: (headers) => facade.create({ type: "bits", appGuid: APP }, { headers }),
      fetch: (headers) =>
        raw.POST("/v3/packages", { body: { type: "bits", relationships: { app: { data: { guid: APP } } } }, headers }),
      sdk: (headers) =>
        sdkWith(headers).createPackage({
          packageCreate: { type: PackageType.bits, relationships: { app: { data: { guid: APP } } } },
        }),
    },
    getPackage: {
      facade: (headers) => facade.get(GUID, { headers }),
      fetch: (headers) => raw.GET("/v3/packages/{guid}", { params: { path: { guid: GUID } }, headers }),
      sdk: (headers) => sdkWith(headers).getPackage({ guid: GUID }),
    },
    updatePackage: {
      facade: (headers) => facade.update(GUID, { metadata: { labels: { team: "payments" } } }, { headers }),
      fetch: (headers) =>
        raw.PATCH("/v3/packages/{guid}", {
          params: { path: { guid: GUID } },
          body: { metadata: { labels: { team: "payments" } } },
          headers,
        }),
      sdk: (headers) =>
        sdkWith(headers).updatePackage({ guid: GUID, packageUpdate: { metadata: { labels: { team: "payments" } } } }),
    },
    deletePackage: {
      facade: (headers) => facade.delete(GUID, { headers }),
      fetch: (headers) => raw.DELETE("/v3/packages/{guid}", { params: { path: { guid: GUID } }, headers }),
      sdk: (headers) => sdkWith(headers).deletePackage({ guid: GUID }),
    },
    uploadPackageBits: {
      facade: (headers) => facade.upload({ guid: GUID, bits: ZIP }, { headers }),
      fetch: (headers) =>
        raw.POST("/v3/packages/{guid}/upload", {
          params: { path: { guid: GUID } },
          body: { bits: blob() },
          bodySerializer: uploadForm,
          headers,
        }),
      sdk: (headers) => sdkWith(headers).uploadPackageBits({ guid: GUID, bits: blob() }),
    },
    downloadPackageBits: {
      facade: (headers) => facade.download(GUID, { headers }),
      fetch: (headers) =>
        raw.GET("/v3/packages/{guid}/download", { params: { path: { guid: GUID } }, parseAs: "arrayBuffer", headers }),
      sdk: (headers) => sdkWith(headers).downloadPackageBits({ guid: GUID }),
      statuses: {
        // The zip sent by the API itself (a `local` blobstore): bytes, not JSON.
        async 200(headers) {
          const download = await facade.download(GUID, { headers });
          expect(download.contentType).toBe("application/octet-stream");
          const bytes = Buffer.from(await new Response(download.stream).arrayBuffer());
          // Prism serves the spec's example: the 4-byte zip signature.
          expect(bytes).toEqual(Buffer.from("PK\u0003\u0004"));
          expect(download.size).toBe(4);

          // The generated clients send no Accept header, so the runtime's default (JSON) must be overridden.
          const octets = { ...headers, accept: "application/octet-stream" };
          const { data, response } = await raw.GET("/v3/packages/{guid}/download", {
            params: { path: { guid: GUID } },
            parseAs: "arrayBuffer",
            headers: octets,
          });
          expect(response.status).toBe(200);
          expect(Buffer.from(data as unknown as ArrayBuffer)).toEqual(bytes);

          const zip = await sdkWith(octets).downloadPackageBits({ guid: GUID });
          expect(zip.type).toBe("application/octet-stream");
          expect(Buffer.from(await zip.arrayBuffer())).toEqual(bytes);
        },
        // Every client follows Location to the blobstore, without the token. Prism's Location is
        // the spec's example, a signed S3 URL; the recorder rewrites it onto a local stand-in for
        // that host (another origin), so the test never leaves the machine.
        async 302(headers) {
          const asZip = { ...headers, accept: "application/zip" };
          const viaFacade = await withResponse((o) => facade.download(GUID, { headers, ...o }));
          expect(Buffer.from(await new Response(viaFacade.data.stream).arrayBuffer())).toEqual(
            Buffer.from("PK\u0005\u0006"),
          );
          const viaRaw = await raw.GET("/v3/packages/{guid}/download", {
            params: { path: { guid: GUID } },
            parseAs: "arrayBuffer",
            headers: asZip,
          });
          const viaSdk = await sdkWith(asZip).downloadPackageBitsRaw({ guid: GUID });
          for (const answer of [viaFacade.response.headers, viaRaw.response.headers, viaSdk.raw.headers]) {
            expect(answer.get("x-standin-for")).toBe(BLOBSTORE_URL);
            expect(answer.get("x-saw-authorization")).toBe("no");
          }
        },
      },
    },
    getJob: {
      facade: (headers) => cf.jobs.get(JOB, { headers }),
      fetch: (headers) => raw.GET("/v3/jobs/{guid}", { params: { path: { guid: JOB } }, headers }),
      // The SDK renames `links.package` (a reserved word) to `_package`; its JobToJSON maps it back.
      sdk: (headers) => sdkJobs.withPreMiddleware(withHeaders(headers)).getJob({ guid: JOB }).then(JobToJSON),
    },
  },
  expectError(failure, { code }) {
    if (code === 413) {
      // nginx answers this one itself, with an HTML page.
      expect(failure.body).toContain("413 Request Entity Too Large");
      return;
    }
    expect(failure.body).toEqual(errorsShape);
    const [first] = failure.body.errors;
    expect(failure.message).toContain(`${code} ${first.title}: ${first.detail}`);
    expect(failure.code).toBe(first.code);
    expect(failure.requestId).toBe(REQUEST_ID);
    if (code === 429) {
      // Cloud Controller's rate limiter sends its JSON envelope as text/plain.
      expect(failure.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(failure.code).toBe(10013);
      expect(failure.headers.get("retry-after")).toBe("1800");
      expect(failure.rateLimit).toEqual({ remaining: 19000, resetAt: new Date(1787218200 * 1000) });
    }
  },
});

describe("listPackages 200", () => {
  it("through the facade, with every filter rendered as the spec declares it", async () => {
    const page = await facade.list({
      states: ["READY", "FAILED"],
      types: ["bits"],
      guids: [GUID],
      appGuids: [APP],
      spaceGuids: [SPACE],
      organizationGuids: [ORG],
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
