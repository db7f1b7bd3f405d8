// Every operation × declared status, through all three clients, against Prism (`--errors`).
// Prism answers with the spec's examples; `Prefer: code=N` selects the status, `example=name` the example.
import { readFileSync } from "node:fs";
import { withHeaders } from "@pkgapi/testing";
import { describe, expect, inject, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createWargClient,
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
} from "../src/index.js";
import { createConfiguration, FetchApi, type FetchLogsRequest, PackageApi } from "../src/sdk.js";

const baseUrl = inject("mockUrl");
const tagged = (client: string) => ({ baseUrl, maxRetries: 0, headers: { "x-contract-client": client } });
const facadeClient = createWargClient(tagged("facade"));
const facade = facadeClient.records;
const logs = facadeClient.logs;
const raw = createWargClient(tagged("fetch")).raw;
const sdk = new PackageApi(createConfiguration(tagged("sdk")));
const fetchSdk = new FetchApi(createConfiguration(tagged("sdk")));
const sdkWith = (headers: Record<string, string>) => sdk.withPreMiddleware(withHeaders(headers));

const ref = {
  logId: "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f",
  recordId: "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce",
};
const record = {
  contentBytes:
    "GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==",
  keyId: "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
  signature:
    "ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4=",
};
const request = { packageName: "example:greeter", record };

const hash = expect.stringMatching(/^sha256:[a-f0-9]{64}$/);
const uploadEndpoint = {
  type: "http",
  method: "POST",
  url: expect.stringMatching(
    /^v1\/package\/sha256:[a-f0-9]{64}\/record\/sha256:[a-f0-9]{64}\/content\/sha256:[a-f0-9]{64}$/,
  ),
};
const recordShapes = {
  published: { recordId: hash, state: "published", registryIndex: expect.any(Number) },
  processing: { recordId: hash, state: "processing" },
  rejected: { recordId: hash, state: "rejected", reason: expect.stringContaining("invalid") },
  sourcing: { recordId: hash, state: "sourcing", missingContent: expect.any(Object) },
};
const expectRecord = (value: unknown, state: keyof typeof recordShapes) => {
  expect(value).toEqual(recordShapes[state]);
  if (state !== "sourcing") return;
  const missing = Object.entries((value as { missingContent: Record<string, unknown> }).missingContent);
  expect(missing.length).toBeGreaterThan(0);
  for (const [digest, content] of missing) {
    expect(digest).toEqual(hash);
    expect(content).toEqual({ upload: [uploadEndpoint] });
  }
};

const messageBody = (status: number) => ({ status, message: expect.any(String) });
const typedBody = (status: number, type: string, id: unknown) => ({ status, type, id });

interface ErrorCase {
  status: number;
  /** Prefer header value. */
  prefer: string;
  ErrorClass: typeof APIError;
  body: unknown;
  /** What the facade's error message says. */
  message: RegExp;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

// The declared 501 of getPackageRecord is text/plain only; Prism serves it only when Accept allows
// text/plain (and answers 200 otherwise). warg-server sends it whatever the Accept header says.
const textAccept = { accept: "application/json, text/plain" };

const getErrors: ErrorCase[] = [
  {
    status: 400,
    prefer: "code=400",
    ErrorClass: BadRequestError,
    body: messageBody(400),
    message: /^400 Invalid URL: hash contained uppercase hex values/,
  },
  {
    status: 404,
    prefer: "code=404, example=log",
    ErrorClass: NotFoundError,
    body: typedBody(404, "log", hash),
    message: /^404 log not found: sha256:64ee614d/,
  },
  {
    status: 404,
    prefer: "code=404, example=record",
    ErrorClass: NotFoundError,
    body: typedBody(404, "record", hash),
    message: /^404 record not found: sha256:ed5d65f8/,
  },
  {
    status: 501,
    prefer: "code=501",
    headers: textAccept,
    ErrorClass: InternalServerError,
    body: "`Warg-Registry` header is not supported",
    message: /^501 .*`Warg-Registry` header is not supported/,
  },
  // `default`: 500 is not declared, so Prism answers it with the default response.
  {
    status: 500,
    prefer: "code=500",
    ErrorClass: InternalServerError,
    body: messageBody(500),
    message: /^500 an error occurred while processing the request/,
  },
];

const publishErrors: ErrorCase[] = [
  ...["logIdMismatch", "invalidJson", "invalidUrl"].map((example) => ({
    status: 400,
    prefer: `code=400, example=${example}`,
    ErrorClass: BadRequestError,
    body: messageBody(400),
    message: /^400 /,
  })),
  ...["unknownKey", "badSignature", "notAuthorized"].map((example) => ({
    status: 401,
    prefer: `code=401, example=${example}`,
    ErrorClass: AuthenticationError,
    body: messageBody(401),
    message: /^401 .*(key|signature)/,
  })),
  {
    status: 404,
    prefer: "code=404",
    ErrorClass: NotFoundError,
    body: typedBody(404, "namespace", "example"),
    message: /^404 namespace not found: example /,
  },
  {
    status: 409,
    prefer: "code=409, example=namespaceImport",
    ErrorClass: ConflictError,
    body: typedBody(409, "namespaceImport", "wasi"),
    message: /^409 conflict: the namespace is imported from another registry: wasi /,
  },
  {
    status: 409,
    prefer: "code=409, example=record",
    ErrorClass: ConflictError,
    body: typedBody(409, "record", hash),
    message: /^409 conflict: a record for this log is pending: sha256:475ea950/,
  },
  {
    status: 413,
    prefer: "code=413",
    ErrorClass: APIError,
    body: messageBody(413),
    message: /^413 Failed to buffer the request body/,
  },
  {
    status: 415,
    prefer: "code=415",
    ErrorClass: APIError,
    body: messageBody(415),
    message: /^415 Expected request with `Content-Type: application\/json`/,
  },
  ...["invalidBody", "policyRejection"].map((example) => ({
    status: 422,
    prefer: `code=422, example=${example}`,
    ErrorClass: UnprocessableEntityError,
    body: messageBody(422),
    message: /^422 /,
  })),
  {
    status: 501,
    prefer: "code=501",
    ErrorClass: InternalServerError,
    body: messageBody(501),
    message: /^501 specifying content sources is not supported/,
  },
  {
    status: 500,
    prefer: "code=500",
    ErrorClass: InternalServerError,
    body: messageBody(500),
    message: /^500 an error occurred/,
  },
];

describe("getPackageRecord", () => {
  for (const state of ["published", "processing", "rejected", "sourcing"] as const) {
    it(`200 (${state}) through every client`, async () => {
      const headers = { prefer: `code=200, example=${state}` };
      expectRecord(await facade.get(ref, { headers }), state);

      const { data, error, response } = await raw.GET("/package/{logId}/record/{recordId}", {
        params: { path: ref },
        headers,
      });
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      expectRecord(data, state);

      expectRecord(await sdkWith(headers).getPackageRecord(ref), state);
    });
  }

  for (const c of getErrors) {
    it(`${c.status} (${c.prefer}) through every client`, async () => {
      const headers = { prefer: c.prefer, ...c.headers };
      const failure = await facade.get(ref, { headers }).catch((e) => e);
      expect(failure).toBeInstanceOf(c.ErrorClass);
      expect(failure).toMatchObject({ status: c.status, body: c.body });
      expect(failure.message).toMatch(c.message);

      const { data, error, response } = await raw.GET("/package/{logId}/record/{recordId}", {
        params: { path: ref },
        headers,
      });
      expect(response.status).toBe(c.status);
      expect(data).toBeUndefined();
      expect(error).toEqual(c.body);

      const sdkFailure = await sdkWith(headers)
        .getPackageRecord(ref)
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(c.ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

describe("publishPackageRecord", () => {
  for (const state of ["sourcing", "processing"] as const) {
    it(`202 (${state}) through every client`, async () => {
      const headers = { prefer: `code=202, example=${state}` };
      expectRecord(await facade.publish(request, { headers }), state);

      const { data, response } = await raw.POST("/package/{logId}/record", {
        params: { path: { logId: ref.logId } },
        body: request,
        headers,
      });
      expect(response.status).toBe(202);
      expectRecord(data, state);

      expectRecord(
        await sdkWith(headers).publishPackageRecord({ logId: ref.logId, publishPackageRecordRequest: request }),
        state,
      );
    });
  }

  it("202 through the facade with the record as bytes (base64-encoded for the wire)", async () => {
    const bytes = Uint8Array.from(atob(record.contentBytes), (c) => c.charCodeAt(0));
    expectRecord(
      await facade.publish(
        { ...request, record: { ...record, contentBytes: bytes } },
        { headers: { prefer: "example=processing" } },
      ),
      "processing",
    );
  });

  for (const c of publishErrors) {
    it(`${c.status} (${c.prefer}) through every client`, async () => {
      const headers = { prefer: c.prefer };
      const failure = await facade.publish(request, { headers }).catch((e) => e);
      expect(failure).toBeInstanceOf(c.ErrorClass);
      expect(failure).toMatchObject({ status: c.status, body: c.body, request: { method: "POST" } });
      expect(failure.message).toMatch(c.message);

      const { error, response } = await raw.POST("/package/{logId}/record", {
        params: { path: { logId: ref.logId } },
        body: request,
        headers,
      });
      expect(response.status).toBe(c.status);
      expect(error).toEqual(c.body);

      const sdkFailure = await sdkWith(headers)
        .publishPackageRecord({ logId: ref.logId, publishPackageRecordRequest: request })
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(c.ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

const fetchSdkWith = (headers: Record<string, string>) => fetchSdk.withPreMiddleware(withHeaders(headers));
const checkpointShape = {
  contents: { logLength: expect.any(Number), logRoot: hash, mapRoot: hash, timestamp: expect.any(Number) },
  keyId: hash,
  signature: expect.stringMatching(/^ecdsa-p256:/),
};
const logsRequest = { logLength: 3, packages: { [ref.logId]: null } };
// typescript-fetch 5.0.0-beta2 drops `nullable` from map values (it types them `string`).
const sdkLogsRequest = logsRequest as unknown as FetchLogsRequest;
const logsShape = {
  more: false,
  packages: {
    [ref.logId]: [
      {
        contentBytes: record.contentBytes,
        keyId: hash,
        signature: expect.any(String),
        registryIndex: 2,
        fetchToken: hash,
      },
    ],
  },
};
const wargRegistry501: ErrorCase = {
  status: 501,
  prefer: "code=501",
  headers: textAccept,
  ErrorClass: InternalServerError,
  body: "`Warg-Registry` header is not supported",
  message: /^501 .*`Warg-Registry` header is not supported/,
};
const internal500: ErrorCase = {
  status: 500,
  prefer: "code=500",
  ErrorClass: InternalServerError,
  body: messageBody(500),
  message: /^500 an error occurred/,
};

describe("fetchCheckpoint", () => {
  it("200 through every client", async () => {
    const headers = { prefer: "code=200" };
    expect(await logs.checkpoint({ headers })).toEqual(checkpointShape);
    const { data, response } = await raw.GET("/fetch/checkpoint", { headers });
    expect(response.status).toBe(200);
    expect(data).toEqual(checkpointShape);
    expect(await fetchSdkWith(headers).fetchCheckpoint({})).toEqual(checkpointShape);
  });

  for (const c of [wargRegistry501, internal500]) {
    it(`${c.status} (${c.prefer}) through every client`, async () => {
      const headers = { prefer: c.prefer, ...c.headers };
      const failure = await logs.checkpoint({ headers }).catch((e) => e);
      expect(failure).toBeInstanceOf(c.ErrorClass);
      expect(failure).toMatchObject({ status: c.status, body: c.body });
      expect(failure.message).toMatch(c.message);
      const { error, response } = await raw.GET("/fetch/checkpoint", { headers });
      expect(response.status).toBe(c.status);
      expect(error).toEqual(c.body);
      const sdkFailure = await fetchSdkWith(headers)
        .fetchCheckpoint({})
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(c.ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

describe("fetchLogs", () => {
  it("200 through every client", async () => {
    const headers = { prefer: "code=200" };
    expect(await logs.fetch(logsRequest, { headers })).toEqual(logsShape);
    const { data, response } = await raw.POST("/fetch/logs", { body: logsRequest, headers });
    expect(response.status).toBe(200);
    expect(data).toEqual(logsShape);
    expect(await fetchSdkWith(headers).fetchLogs({ fetchLogsRequest: sdkLogsRequest })).toEqual(logsShape);
  });

  const cases: ErrorCase[] = [
    {
      status: 400,
      prefer: "code=400",
      ErrorClass: BadRequestError,
      body: messageBody(400),
      message: /^400 invalid records limit/,
    },
    {
      status: 404,
      prefer: "code=404, example=log",
      ErrorClass: NotFoundError,
      body: typedBody(404, "log", hash),
      message: /^404 log not found: sha256:64ee614d/,
    },
    {
      status: 404,
      prefer: "code=404, example=logLength",
      ErrorClass: NotFoundError,
      body: typedBody(404, "logLength", 42),
      message: /^404 logLength not found/,
    },
    { status: 415, prefer: "code=415", ErrorClass: APIError, body: messageBody(415), message: /^415 Expected request/ },
    {
      status: 422,
      prefer: "code=422",
      ErrorClass: UnprocessableEntityError,
      body: messageBody(422),
      message: /^422 Failed to deserialize/,
    },
    wargRegistry501,
    internal500,
  ];
  for (const c of cases) {
    it(`${c.status} (${c.prefer}) through every client`, async () => {
      const headers = { prefer: c.prefer, ...c.headers };
      const failure = await logs.fetch(logsRequest, { headers }).catch((e) => e);
      expect(failure).toBeInstanceOf(c.ErrorClass);
      expect(failure).toMatchObject({ status: c.status, body: c.body });
      expect(failure.message).toMatch(c.message);
      const { error, response } = await raw.POST("/fetch/logs", { body: logsRequest, headers });
      expect(response.status).toBe(c.status);
      expect(error).toEqual(c.body);
      const sdkFailure = await fetchSdkWith(headers)
        .fetchLogs({ fetchLogsRequest: sdkLogsRequest })
        .catch((e) => e);
      expect(sdkFailure).toBeInstanceOf(c.ErrorClass);
      expect(sdkFailure.body).toEqual(failure.body);
    });
  }
});

describe("the mock enforces the spec", () => {
  it("rejects requests that violate it (uppercase hex id, body without `record`)", async () => {
    const upper = await fetch(`${baseUrl}/package/${ref.logId.toUpperCase()}/record/${ref.recordId}`, {
      headers: { "x-contract-client": "probe" },
    });
    expect(upper.status).toBeGreaterThanOrEqual(400);
    expect(upper.headers.get("sl-violations") ?? (await upper.text())).toMatch(/logId|pattern/i);

    const noRecord = await fetch(`${baseUrl}/package/${ref.logId}/record`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-contract-client": "probe" },
      body: JSON.stringify({ packageName: "example:greeter" }),
    });
    expect(noRecord.status).toBe(422);
    expect(noRecord.headers.get("sl-violations")).toMatch(/record/);
  });

  it("found no violation in any request of the three clients", () => {
    const log = readFileSync(new URL("../.test-results/contract.jsonl", import.meta.url), "utf8");
    const entries = log
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { client: string; violations?: string });
    const ours = entries.filter((entry) => entry.client !== "probe");
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter((entry) => entry.violations)).toEqual([]);
  });
});
