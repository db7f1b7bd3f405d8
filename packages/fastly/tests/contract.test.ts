// Every operation × declared status, through all three clients, against Prism (`--errors`).
// Prism answers with the spec's examples; `Prefer: code=N` selects the status.

import { buildTarGz, withHeaders } from "@pkgapi/testing";
import { describe, expect, inject, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createFastlyClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../src/index.js";
import { createConfiguration, PackageApi } from "../src/sdk.js";

const baseUrl = inject("mockUrl");
const token = "contract-test-token";
const ref = { serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1 };
const tarball = buildTarGz();
const tagged = (client: string) => ({ token, baseUrl, maxRetries: 0, headers: { "x-contract-client": client } });
const prefer = (status: number) => ({ headers: { prefer: `code=${status}` } });

const facade = createFastlyClient(tagged("facade"));
const raw = createFastlyClient(tagged("fetch")).raw;
const sdk = new PackageApi(createConfiguration(tagged("sdk")));
const sdkPrefer = (status: number) => sdk.withPreMiddleware(withHeaders(prefer(status).headers));

const packageShape = {
  id: expect.any(String),
  service_id: expect.any(String),
  version: expect.any(Number),
  metadata: expect.objectContaining({
    name: expect.any(String),
    language: expect.any(String),
    authors: expect.any(Array),
    files_hash: expect.stringMatching(/^[a-f0-9]{128}$/),
  }),
};

const errors = {
  get: { 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError },
  put: {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
  },
} as const;

describe("getPackage", () => {
  it("200 through the facade", async () => {
    const pkg = await facade.packages.get(ref);
    expect(pkg).toMatchObject({ ...packageShape, created_at: expect.any(String), deleted_at: null });
    expect(pkg.metadata?.cloned_from).toMatch(/^https:\/\//);
  });

  it("200 through openapi-fetch", async () => {
    const { data, error, response } = await raw.GET("/service/{service_id}/version/{version_id}/package", {
      params: { path: { service_id: ref.serviceId, version_id: ref.version } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toMatchObject(packageShape);
  });

  it("200 through the generated SDK", async () => {
    const pkg = await sdk.getPackage({ serviceId: ref.serviceId, versionId: ref.version });
    expect(pkg).toMatchObject({
      id: expect.any(String),
      version: expect.any(Number),
      metadata: expect.objectContaining({ name: "test-package" }),
    });
    // `dateLibrary: string`: timestamps stay strings, as in the openapi-fetch types.
    expect(pkg.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  for (const [status, ErrorClass] of Object.entries(errors.get)) {
    it(`${status} through every client`, async () => {
      const failure = await facade.packages.get(ref, prefer(Number(status))).catch((e) => e);
      expect(failure).toBeInstanceOf(ErrorClass);
      expect(failure).toMatchObject({ status: Number(status), body: { msg: expect.any(String) } });
      expect(failure.message).toContain((failure.body as { msg: string }).msg);

      const { error, response } = await raw.GET("/service/{service_id}/version/{version_id}/package", {
        params: { path: { service_id: ref.serviceId, version_id: ref.version } },
        ...prefer(Number(status)),
      });
      expect(response.status).toBe(Number(status));
      expect(error).toEqual({ msg: expect.any(String), ...(error?.detail ? { detail: expect.any(String) } : {}) });

      const sdkFailure = await sdkPrefer(Number(status))
        .getPackage({ serviceId: ref.serviceId, versionId: ref.version })
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

/** A 503 arrives with an empty body (fastly/cli #362): a typed InternalServerError, body undefined. */
async function expectEmpty503(
  facadeCall: () => Promise<unknown>,
  rawCall: () => Promise<{ error?: unknown; response: Response }>,
  sdkCall: () => Promise<unknown>,
) {
  const failure = await facadeCall().then(
    () => expect.fail("the facade resolved"),
    (e: unknown) => e as InternalServerError,
  );
  expect(failure).toBeInstanceOf(InternalServerError);
  expect(failure).toMatchObject({ status: 503, body: undefined });
  expect(failure.message).toMatch(/^503 Service Unavailable \(/);
  const { error, response } = await rawCall();
  expect(response.status).toBe(503);
  expect(error ?? "").toBe("");
  const sdkFailure = await sdkCall().then(
    () => expect.fail("the SDK resolved"),
    (e: unknown) => e as InternalServerError,
  );
  expect(sdkFailure).toBeInstanceOf(InternalServerError);
  expect(sdkFailure.status).toBe(503);
}

describe("getPackage 503", () => {
  it("through every client", async () => {
    await expectEmpty503(
      () => facade.packages.get(ref, prefer(503)),
      () =>
        raw.GET("/service/{service_id}/version/{version_id}/package", {
          params: { path: { service_id: ref.serviceId, version_id: ref.version } },
          ...prefer(503),
        }),
      () => sdkPrefer(503).getPackage({ serviceId: ref.serviceId, versionId: ref.version }),
    );
  });
});

describe("putPackage", () => {
  const blob = () => new Blob([tarball.bytes], { type: "application/gzip" });

  it("200 through the facade (streamed from a path, Expect: 100-continue)", async () => {
    const result = await facade.packages.upload({ ...ref, file: tarball.path, verifyHashsum: false });
    expect(result.skipped).toBe(false);
    expect(result.package).toMatchObject({
      ...packageShape,
      metadata: expect.objectContaining({ wasm_metadata: expect.any(Object) }),
    });
    expect(result.sha512).toBeUndefined(); // not hashed: the mock's canned hashsum is not checked
  });

  it("200 through openapi-fetch", async () => {
    const { data, response } = await raw.PUT("/service/{service_id}/version/{version_id}/package", {
      params: { path: { service_id: ref.serviceId, version_id: ref.version } },
      body: { package: blob() },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append("package", body.package, "package.tar.gz");
        return form;
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("fastly-ratelimit-remaining")).toMatch(/^\d+$/);
    expect(data).toMatchObject(packageShape);
  });

  it("200 through the generated SDK (which has no `expect` parameter: fetch cannot send the header)", async () => {
    const pkg = await sdk.putPackage({ serviceId: ref.serviceId, versionId: ref.version, _package: blob() });
    expect(pkg).toMatchObject({ id: expect.any(String), metadata: expect.objectContaining({ name: "test-package" }) });
  });

  for (const [status, ErrorClass] of Object.entries(errors.put)) {
    it(`${status} through every client`, async () => {
      const failure = await facade.packages
        .upload({ ...ref, file: tarball.bytes }, prefer(Number(status)))
        .catch((e) => e);
      expect(failure).toBeInstanceOf(ErrorClass);
      expect(failure).toMatchObject({ status: Number(status), body: { msg: expect.any(String) } });
      if (Number(status) !== 401 && Number(status) !== 403 && Number(status) !== 404) {
        expect(failure.rateLimit).toEqual({ remaining: expect.any(Number), resetAt: expect.any(Date) });
      }

      const { error, response } = await raw.PUT("/service/{service_id}/version/{version_id}/package", {
        params: { path: { service_id: ref.serviceId, version_id: ref.version } },
        body: { package: blob() },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append("package", body.package, "package.tar.gz");
          return form;
        },
        ...prefer(Number(status)),
      });
      expect(response.status).toBe(Number(status));
      expect(error?.msg).toEqual(expect.any(String));

      const sdkFailure = await sdkPrefer(Number(status))
        .putPackage({ serviceId: ref.serviceId, versionId: ref.version, _package: blob() })
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

describe("putPackage 503", () => {
  it("through every client", async () => {
    const blob = new Blob([tarball.bytes], { type: "application/gzip" });
    await expectEmpty503(
      () => facade.packages.upload({ ...ref, file: tarball.bytes }, prefer(503)),
      () =>
        raw.PUT("/service/{service_id}/version/{version_id}/package", {
          params: { path: { service_id: ref.serviceId, version_id: ref.version } },
          body: { package: blob },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append("package", body.package, "package.tar.gz");
            return form;
          },
          ...prefer(503),
        }),
      () => sdkPrefer(503).putPackage({ serviceId: ref.serviceId, versionId: ref.version, _package: blob }),
    );
  });
});

describe("the mock enforces the spec", () => {
  it("rejects a request that violates it (version 0, no token)", async () => {
    const noToken = await fetch(`${baseUrl}/service/abc/version/1/package`, {
      headers: { "x-contract-client": "probe" },
    });
    expect(noToken.status).toBe(401);
    const badVersion = await fetch(`${baseUrl}/service/abc/version/0/package`, {
      headers: { "fastly-key": token, "x-contract-client": "probe" },
    });
    expect(badVersion.status).toBeGreaterThanOrEqual(400);
    expect(badVersion.headers.get("sl-violations") ?? (await badVersion.text())).toMatch(/version_id|minimum/i);
  });
});
