// Every operation × declared status, through all three clients, against Prism (`--errors`):
// the shared table of @pkgapi/testing/contract, then the checks the table cannot make.
import { buildTarGz, withHeaders } from "@pkgapi/testing";
import { contractTable } from "@pkgapi/testing/contract";
import { describe, expect, inject, it } from "vitest";
import { APIError, createFastlyClient } from "../src/index.js";
import { createConfiguration, PackageApi } from "../src/sdk.js";
import { ref, sdkRef } from "./fixtures.js";

const baseUrl = inject("mockUrl");
const token = "contract-test-token";
const tarball = buildTarGz();
const tagged = (client: string) => ({ token, baseUrl, maxRetries: 0, headers: { "x-contract-client": client } });

const facade = createFastlyClient(tagged("facade"));
const raw = createFastlyClient(tagged("fetch")).raw;
const sdk = new PackageApi(createConfiguration(tagged("sdk")));
const sdkWith = (headers: Record<string, string>) => sdk.withPreMiddleware(withHeaders(headers));

const path = { params: { path: { service_id: ref.serviceId, version_id: ref.version } } };
const blob = () => new Blob([tarball.bytes], { type: "application/gzip" });
const putRaw = (headers: Record<string, string> = {}) =>
  raw.PUT("/service/{service_id}/version/{version_id}/package", {
    ...path,
    body: { package: blob() },
    bodySerializer: (body) => {
      const form = new FormData();
      form.append("package", body.package, "package.tar.gz");
      return form;
    },
    headers,
  });

contractTable({
  spec: new URL("../../../specs/fastly.yaml", import.meta.url),
  APIError,
  operations: {
    getPackage: {
      facade: (headers) => facade.packages.get(ref, { headers }),
      fetch: (headers) => raw.GET("/service/{service_id}/version/{version_id}/package", { ...path, headers }),
      sdk: (headers) => sdkWith(headers).getPackage(sdkRef),
    },
    putPackage: {
      // Not hashed: the mock's canned hashsum is not the tarball's.
      facade: (headers) =>
        facade.packages
          .upload({ ...ref, file: tarball.bytes, verifyHashsum: false }, { headers })
          .then((result) => result.package),
      fetch: putRaw,
      sdk: (headers) => sdkWith(headers).putPackage({ ...sdkRef, _package: blob() }),
    },
  },
  expectError(failure, { operationId, code, media }) {
    if (!media) {
      // A 503 arrives with an empty body (fastly/cli #362).
      expect(failure.message).toMatch(/^503 Service Unavailable \(/);
      return;
    }
    expect(failure.message).toContain(failure.body.msg);
    if (operationId === "putPackage" && ![401, 403, 404].includes(code))
      expect(failure.rateLimit).toEqual({ remaining: expect.any(Number), resetAt: expect.any(Date) });
  },
});

describe("getPackage 200", () => {
  it("keeps the spec's strings: timestamps as the API sent them, through every client", async () => {
    const pkg = await facade.packages.get(ref);
    expect(pkg).toMatchObject({ created_at: expect.any(String), deleted_at: null });
    expect(pkg.metadata?.cloned_from).toMatch(/^https:\/\//);
    expect(pkg.metadata?.files_hash).toMatch(/^[a-f0-9]{128}$/);
    // `dateLibrary: string`: timestamps stay strings, as in the openapi-fetch types.
    const viaSdk = await sdk.getPackage(sdkRef);
    expect(viaSdk.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });
});

describe("putPackage 200", () => {
  it("through the facade, streamed from a path (Expect: 100-continue)", async () => {
    const result = await facade.packages.upload({ ...ref, file: tarball.path, verifyHashsum: false });
    expect(result.skipped).toBe(false);
    expect(result.package.metadata).toMatchObject({ name: "test-package", wasm_metadata: expect.any(Object) });
    expect(result.sha512).toBeUndefined(); // not hashed: the mock's canned hashsum is not checked
  });

  it("through openapi-fetch, with Fastly's rate-limit headers", async () => {
    const { response } = await putRaw();
    expect(response.status).toBe(200);
    expect(response.headers.get("fastly-ratelimit-remaining")).toMatch(/^\d+$/);
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
