// The Fastly upload against a real local node:http server.
import { createHash } from "node:crypto";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { buildTarGz, callWithBadInput, parseMultipart, readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  AuthenticationError,
  createFastlyClient,
  IntegrityError,
  InvalidParameterError,
  MAX_PACKAGE_BYTES,
  withResponse,
} from "../src/index.js";

const serve = serversPerTest();
type Server = Awaited<ReturnType<typeof serve>>;
let server: Server | undefined;

const token = "fastly-test-token-do-not-leak";
const ref = { serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 3 };
const sha512 = (data: Buffer) => createHash("sha512").update(data).digest("hex");

/** A Fastly stand-in that stores the package part and answers like the API, hashsum included. */
async function fakeFastly(options: { hashsum?: (data: Buffer) => string } = {}) {
  const uploads: Buffer[] = [];
  server = await serve(async (req, res) => {
    const body = await readBody(req);
    if (req.method === "GET") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: "pkg1", metadata: { files_hash: "same-files" } }));
      return;
    }
    const [part] = parseMultipart(body, req.headers["content-type"]);
    uploads.push(part?.data as Buffer);
    const hashsum = (options.hashsum ?? sha512)(part?.data as Buffer);
    res.writeHead(200, {
      "content-type": "application/json",
      "fastly-ratelimit-remaining": "999",
      "fastly-ratelimit-reset": "1716584400",
    });
    res.end(
      JSON.stringify({
        id: "pkg1",
        service_id: ref.serviceId,
        version: ref.version,
        metadata: { name: "test-package", hashsum, size: part?.data.length, unknown_new_field: { a: 1 } },
      }),
    );
  });
  return { server, uploads };
}

describe("packages.upload", () => {
  it("sends a real .tar.gz byte-exact as the `package` part, streamed from a path", async () => {
    const tarball = buildTarGz("byte-exact", 200_000);
    const { server, uploads } = await fakeFastly();
    const client = createFastlyClient({ token, baseUrl: server.url });
    const progress: number[] = [];
    const result = await client.packages.upload(
      { ...ref, file: tarball.path },
      { onProgress: (p) => progress.push(p.loaded) },
    );
    expect(Buffer.compare(uploads[0] as Buffer, tarball.bytes)).toBe(0);
    expect(result.sha512).toBe(sha512(tarball.bytes));
    expect(result.package.metadata?.hashsum).toBe(result.sha512);
    expect(result.package.metadata).toHaveProperty("unknown_new_field", { a: 1 });
    const request = server.requests.find((r) => r.method === "PUT");
    expect(request?.url).toBe("/service/SU1Z0isxPaozGVKXdv0eY/version/3/package");
    expect(request?.headers["fastly-key"]).toBe(token);
    expect(request?.headers.expect).toBe("100-continue");
    // Progress counts the package's own bytes, not the multipart envelope.
    expect(progress.at(-1)).toBe(tarball.bytes.length);
    expect(Number(request?.headers["content-length"])).toBeGreaterThan(tarball.bytes.length);
  });

  it("accepts a Blob, a Buffer and a stream as well", async () => {
    const tarball = buildTarGz("sources");
    const { server, uploads } = await fakeFastly();
    const client = createFastlyClient({ token, baseUrl: server.url });
    const { Readable } = await import("node:stream");
    for (const file of [new Blob([tarball.bytes]), tarball.bytes, Readable.from([tarball.bytes])])
      await client.packages.upload({ ...ref, file });
    expect(uploads.map((u) => Buffer.compare(u, tarball.bytes))).toEqual([0, 0, 0]);
  });

  it("fails loudly when Fastly's hashsum differs from what was sent", async () => {
    const { server } = await fakeFastly({ hashsum: () => "0".repeat(128) });
    const client = createFastlyClient({ token, baseUrl: server.url });
    const error = await client.packages.upload({ ...ref, file: buildTarGz().bytes }).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toMatch(/sha512 mismatch/);
  });

  it("skips the upload when the files_hash is unchanged", async () => {
    const { server, uploads } = await fakeFastly();
    const client = createFastlyClient({ token, baseUrl: server.url });
    const result = await client.packages.upload({ ...ref, file: buildTarGz().bytes, skipIfFilesHash: "same-files" });
    expect(result.skipped).toBe(true);
    expect(uploads).toHaveLength(0);
    const changed = await client.packages.upload({ ...ref, file: buildTarGz().bytes, skipIfFilesHash: "other-files" });
    expect(changed.skipped).toBe(false);
    expect(uploads).toHaveLength(1);
  });

  it("with Expect: 100-continue, a 401 arrives before 1 MiB of a 50 MB package was sent", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-big-"));
    const big = path.join(dir, "big.tar.gz");
    writeFileSync(big, "");
    truncateSync(big, 50 * 1024 * 1024);
    let bytesRead = 0;
    server = await serve((_req, res) => res.writeHead(500).end(), {
      onCheckContinue(req, res) {
        req.on("data", (chunk: Buffer) => (bytesRead += chunk.length));
        res
          .writeHead(401, { "content-type": "application/json" })
          .end(JSON.stringify({ msg: "Provided credentials are missing or invalid" }));
      },
    });
    const client = createFastlyClient({ token, baseUrl: server.url });
    const error = await client.packages.upload({ ...ref, file: big }).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.body).toEqual({ msg: "Provided credentials are missing or invalid" });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let any stray bytes arrive before counting
    expect(bytesRead).toBeLessThan(1024 * 1024);
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a package over 100,000,000 bytes before sending anything", async () => {
    const { server } = await fakeFastly();
    const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-huge-"));
    const huge = path.join(dir, "huge.tar.gz");
    writeFileSync(huge, "");
    truncateSync(huge, MAX_PACKAGE_BYTES + 1);
    const client = createFastlyClient({ token, baseUrl: server.url });
    const error = await client.packages.upload({ ...ref, file: huge }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error).toMatchObject({
      param: "file",
      message: expect.stringContaining("100000001 bytes; the limit is 100000000 bytes"),
    });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an empty package: a file or Buffer before sending, an empty stream before it completes", async () => {
    let completed = 0;
    server = await serve((req, res) => {
      readBody(req).then(
        () => {
          completed++;
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        },
        () => undefined,
      );
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-empty-"));
    const empty = path.join(dir, "empty.tar.gz");
    writeFileSync(empty, "");
    const client = createFastlyClient({ token, baseUrl: server.url });
    for (const file of [empty, Buffer.alloc(0)]) {
      const error = await client.packages.upload({ ...ref, file }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ param: "file", message: expect.stringContaining("is empty (0 bytes)") });
    }
    expect(server.requests).toHaveLength(0);
    const error = await client.packages.upload({ ...ref, file: Readable.from([]) }).catch((e) => e);
    expect(error).toMatchObject({ param: "file", message: expect.stringContaining("is an empty stream") });
    expect(completed).toBe(0);
  });
});

describe("raw responses", () => {
  it("withResponse gives the upload's answer: Fastly-RateLimit-Remaining with the stored package", async () => {
    const { server } = await fakeFastly();
    const client = createFastlyClient({ token, baseUrl: server.url });
    const { data, response } = await withResponse((o) =>
      client.packages.upload({ ...ref, file: new Uint8Array(64) }, o),
    );
    expect(data.package.id).toBe("pkg1");
    expect(response.headers.get("fastly-ratelimit-remaining")).toBe("999");
  });
});

describe("input checks and secrets", () => {
  it("rejects bad parameters, naming them, before any request", async () => {
    const { server } = await fakeFastly();
    const client = createFastlyClient({ token, baseUrl: server.url });
    await expect(client.packages.get({ serviceId: "", version: 1 })).rejects.toThrow(
      "Invalid parameter `serviceId`: must not be empty",
    );
    await expect(client.packages.get({ serviceId: "abc/../x", version: 1 })).rejects.toThrow(
      /`serviceId`: must be an alphanumeric service id/,
    );
    await expect(client.packages.get({ serviceId: "abc", version: 0 })).rejects.toThrow(
      "Invalid parameter `version`: must be >= 1, got 0",
    );
    await expect(client.packages.get({ serviceId: "abc", version: 1.5 })).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(client.packages.upload({ ...ref, file: "" })).rejects.toThrow(
      "Invalid parameter `file`: must not be an empty path",
    );
    expect(() => createFastlyClient({ token: "" })).toThrow("Invalid parameter `token`");
    expect(server.requests).toHaveLength(0);
  });

  it("keeps the token out of inspect, JSON and errors", async () => {
    server = await serve((_req, res) =>
      res
        .writeHead(403, { "content-type": "application/json" })
        .end(JSON.stringify({ msg: `token ${token} is read-only` })),
    );
    const client = createFastlyClient({ token, baseUrl: server.url, maxRetries: 0 });
    const error = await client.packages.get(ref).catch((e) => e);
    for (const text of [
      inspect(client, { depth: 20 }),
      JSON.stringify(client),
      inspect(error, { depth: 20 }),
      JSON.stringify(error),
      error.message,
    ]) {
      expect(text).not.toContain(token);
    }
    expect(error.body.msg).toBe("token *** is read-only");
  });

  it("passes the caller's AbortSignal and per-call options through the facade", async () => {
    // The caller aborts once the request has arrived (no timer: nothing depends on the machine's speed); no answer is sent.
    const controller = new AbortController();
    server = await serve(() => controller.abort());
    const client = createFastlyClient({ token, baseUrl: server.url });
    const pending = client.packages.get(ref, { signal: controller.signal, headers: { "x-trace": "t1" } });
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers["x-trace"]).toBe("t1");
  });
});

describe("async methods and bad input", () => {
  it("never throw synchronously: every method hands back a promise that rejects, and nothing is sent", async () => {
    const { server } = await fakeFastly();
    const outcomes = await callWithBadInput(createFastlyClient({ token, baseUrl: server.url }).packages);
    expect(outcomes.filter((o) => o.threw).map((o) => o.call)).toEqual([]);
    for (const { call, rejection } of outcomes) expect(rejection, call).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });
});
