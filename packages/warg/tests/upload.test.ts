// records.uploadMissingContent against real local servers: the registry, and a storage host on
// another origin.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { localServer, readBody } from "@pkgapi/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  APIError,
  createWargClient,
  IntegrityError,
  InvalidParameterError,
  type SourcingRecord,
} from "../src/index.js";

const logId = "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f";
const recordId = "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce";
const digestOf = (bytes: Uint8Array) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

const wasm = randomBytes(600_000); // more than one 256 KiB chunk
const readme = Buffer.from("# greeter\n");
const wasmDigest = digestOf(wasm);
const readmeDigest = digestOf(readme);

interface Received {
  method?: string;
  url?: string;
  headers: IncomingMessage["headers"];
  body?: Buffer;
  /** The client went away before the whole body arrived. */
  aborted?: boolean;
}

type Server = Awaited<ReturnType<typeof localServer>>;
let registry: Server;
let storage: Server;
let received: Received[];

/** Stores complete bodies and answers 201 with no body, as warg-server does. */
const store =
  (status = 201) =>
  (req: IncomingMessage, res: ServerResponse) => {
    readBody(req).then(
      (body) => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(status, status === 201 ? {} : { "content-type": "application/json" });
        res.end(status === 201 ? undefined : JSON.stringify({ status }));
      },
      () => received.push({ method: req.method, url: req.url, headers: req.headers, aborted: true }),
    );
  };

beforeEach(async () => {
  received = [];
  registry = await localServer(store());
  storage = await localServer(store());
});
afterEach(async () => {
  await registry.close();
  await storage.close();
});

// The registry lives under a path prefix: relative URLs resolve against `/registry/`, not `/registry/v1/`.
const client = () =>
  createWargClient({
    baseUrl: `${registry.url}/registry/v1`,
    token: "client-token",
    headers: { "x-tenant": "acme" },
    maxRetries: 0,
  }).records;

function sourcing(overrides: Partial<Record<string, SourcingRecord["missingContent"][string]>> = {}): SourcingRecord {
  return {
    recordId,
    state: "sourcing",
    missingContent: {
      [wasmDigest]: {
        upload: [{ type: "http", method: "POST", url: `v1/package/${logId}/record/${recordId}/content/${wasmDigest}` }],
      },
      [readmeDigest]: {
        upload: [
          {
            type: "http",
            method: "PUT",
            url: `${storage.url}/blobs/${readmeDigest}`,
            headers: { authorization: "Bearer upload-ticket", "content-type": "text/markdown" },
          },
        ],
      },
      ...overrides,
    } as SourcingRecord["missingContent"],
  };
}

function tempFile(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "pkgapi-warg-")), "greeter.wasm");
  writeFileSync(file, bytes);
  return file;
}

describe("records.uploadMissingContent", () => {
  it("uploads each digest to its endpoint: relative URLs from the registry root, the endpoint's method and headers, exact bytes", async () => {
    const progress: Array<{ digest: string; loaded: number; total?: number }> = [];
    await client().uploadMissingContent(
      sourcing(),
      { [wasmDigest]: tempFile(wasm), [readmeDigest]: new Blob([readme]) },
      { onProgress: (p) => progress.push(p) },
    );

    expect(received).toHaveLength(2);
    const [first, second] = received as [Received, Received];
    expect(first).toMatchObject({
      method: "POST",
      url: `/registry/v1/package/${logId}/record/${recordId}/content/${wasmDigest}`,
    });
    expect(first.body?.equals(wasm)).toBe(true);
    expect(first.headers).toMatchObject({
      "content-type": "application/octet-stream",
      "content-length": String(wasm.length),
    });
    // Only what the endpoint names: not the client's token, not its default headers.
    expect(first.headers.authorization).toBeUndefined();
    expect(first.headers["x-tenant"]).toBeUndefined();
    expect(registry.requests).toHaveLength(1);

    expect(second).toMatchObject({ method: "PUT", url: `/blobs/${readmeDigest}` });
    expect(second.body?.equals(readme)).toBe(true);
    // The endpoint's authorization reaches its (foreign) host; the client's token does not.
    expect(second.headers).toMatchObject({ authorization: "Bearer upload-ticket", "content-type": "text/markdown" });
    expect(second.headers["x-tenant"]).toBeUndefined();
    expect(storage.requests).toHaveLength(1);

    expect(progress.at(-1)).toEqual({ digest: readmeDigest, loaded: readme.length, total: readme.length });
    expect(progress.filter((p) => p.digest === wasmDigest).at(-1)).toEqual({
      digest: wasmDigest,
      loaded: wasm.length,
      total: wasm.length,
    });
  });

  it("takes a Map of contents and one-shot streams (sent chunked)", async () => {
    const record = sourcing();
    delete record.missingContent[readmeDigest];
    await client().uploadMissingContent(
      record,
      new Map([[wasmDigest, Readable.from([wasm.subarray(0, 1000), wasm.subarray(1000)])]]),
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.body?.equals(wasm)).toBe(true);
    expect(received[0]?.headers["transfer-encoding"]).toBe("chunked");
  });

  it("aborts the upload with IntegrityError when the content does not match its digest, before the server has it all", async () => {
    const wrong = Buffer.from(wasm);
    wrong[wrong.length - 1] ^= 0xff;
    const record = sourcing();
    delete record.missingContent[readmeDigest];
    const failure = await client()
      .uploadMissingContent(record, { [wasmDigest]: wrong })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(IntegrityError);
    expect(failure).toMatchObject({
      algorithm: "sha256",
      expected: wasmDigest.slice(7),
      actual: digestOf(wrong).slice(7),
    });
    // The upload stopped before the last chunk: the server never got a complete body (with
    // content this small, not even the request: the only chunk was held back).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.filter((request) => !request.aborted)).toEqual([]);
  });

  it("refuses endpoint headers other than authorization and content-type, before any request", async () => {
    const record = sourcing({
      [readmeDigest]: {
        upload: [{ type: "http", method: "PUT", url: `${storage.url}/blobs`, headers: { "x-amz-acl": "public-read" } }],
      },
    });
    const failure = await client()
      .uploadMissingContent(record, { [wasmDigest]: wasm, [readmeDigest]: readme })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(InvalidParameterError);
    expect(failure.param).toBe(`record.missingContent["${readmeDigest}"].upload[0].headers`);
    expect(failure.message).toContain("x-amz-acl");
    expect(registry.requests).toHaveLength(0);
    expect(storage.requests).toHaveLength(0);
  });

  it("refuses methods other than POST and PUT, before any request", async () => {
    const record = sourcing({
      [readmeDigest]: { upload: [{ type: "http", method: "PATCH" as "PUT", url: "v1/blobs" }] },
    });
    const failure = await client()
      .uploadMissingContent(record, { [wasmDigest]: wasm, [readmeDigest]: readme })
      .catch((e) => e);
    expect(failure).toMatchObject({
      name: "InvalidParameterError",
      param: `record.missingContent["${readmeDigest}"].upload[0].method`,
    });
    expect(registry.requests).toHaveLength(0);
  });

  it("refuses missing content for a digest, before any request", async () => {
    const failure = await client()
      .uploadMissingContent(sourcing(), { [wasmDigest]: wasm })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(InvalidParameterError);
    expect(failure.param).toBe(`contents["${readmeDigest}"]`);
    expect(registry.requests).toHaveLength(0);
    expect(storage.requests).toHaveLength(0);
  });

  it("refuses a content path that cannot be read, before any request", async () => {
    const failure = await client()
      .uploadMissingContent(sourcing(), { [wasmDigest]: wasm, [readmeDigest]: "/nonexistent/readme.md" })
      .catch((e) => e);
    expect(failure).toMatchObject({ name: "InvalidParameterError", param: `contents["${readmeDigest}"]` });
    expect(registry.requests).toHaveLength(0);
  });

  it("refuses a record that is not sourcing", async () => {
    const processing = { recordId, state: "processing" } as unknown as SourcingRecord;
    await expect(client().uploadMissingContent(processing, {})).rejects.toMatchObject({
      name: "InvalidParameterError",
      param: "record",
    });
    expect(registry.requests).toHaveLength(0);
  });

  it("throws the typed API error the upload endpoint answers (405 for a record that is no longer sourcing)", async () => {
    await registry.close();
    registry = await localServer(store(405));
    const record = sourcing();
    delete record.missingContent[readmeDigest];
    const failure = await client()
      .uploadMissingContent(record, { [wasmDigest]: wasm })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(APIError);
    expect(failure).toMatchObject({ status: 405, body: { status: 405 }, request: { method: "POST" } });
  });
});
