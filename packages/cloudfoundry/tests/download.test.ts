// packages.download against two local servers: Cloud Controller (302) and a blobstore.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import {
  createCloudFoundryClient,
  IntegrityError,
  nodeReadable,
  PermissionDeniedError,
  UnprocessableEntityError,
} from "../src/index.js";
import { cfPackage, GUID, json, TOKEN } from "./helpers.js";

const serve = serversPerTest();

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
// 8 MiB of position-dependent bytes, served in 64 KiB writes.
const ZIP = Buffer.alloc(8 * 1024 * 1024);
for (let i = 0; i < ZIP.length; i++) ZIP[i] = (i * 131 + (i >> 16)) % 256;

async function blobstore(status = 200) {
  return serve(async (_req, res) => {
    if (status !== 200)
      return res
        .writeHead(status, { "content-type": "application/xml" })
        .end("<Error><Code>AccessDenied</Code></Error>");
    res.writeHead(200, { "content-type": "application/zip", "content-length": String(ZIP.length) });
    for (let offset = 0; offset < ZIP.length; offset += 65536) {
      if (!res.write(ZIP.subarray(offset, offset + 65536))) await new Promise((resolve) => res.once("drain", resolve));
    }
    res.end();
  });
}

/** Cloud Controller: a 302 to the signed blobstore URL. */
async function controller(target: string) {
  return serve((_req, res) => res.writeHead(302, { location: target, "x-vcap-request-id": "req-1" }).end());
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("packages.download", () => {
  it("follows the 302 to the blobstore, byte-exact, without sending the token there", async () => {
    const store = await blobstore();
    const signed = `${store.url}/cc-packages/44/f7/${GUID}?X-Amz-Signature=abc123&X-Amz-Expires=3600`;
    const api = await controller(signed);
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: api.url });
    const progress: number[] = [];
    const download = await client.packages.download(GUID, { onProgress: (p) => progress.push(p.loaded) });

    expect(download).toMatchObject({ size: ZIP.length, contentType: "application/zip", url: signed });
    expect(sha256(await readAll(download.stream))).toBe(sha256(ZIP));
    expect(progress.at(-1)).toBe(ZIP.length);

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.url).toBe(`/v3/packages/${GUID}/download`);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(store.requests).toHaveLength(1);
    expect(store.requests[0]?.url).toBe(signed.slice(store.url.length));
    expect(store.requests[0]?.headers).not.toHaveProperty("authorization");
    expect(JSON.stringify(store.requests[0]?.headers)).not.toContain(TOKEN);
  });

  it("takes the zip from the API itself when it answers 200 (local blobstore)", async () => {
    const api = await blobstore();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: api.url });
    const download = await client.packages.download(GUID);
    expect(Buffer.compare(await readAll(download.stream), ZIP)).toBe(0);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("reports Cloud Controller's refusal and the blobstore's as typed errors", async () => {
    const api = await serve((_req, res) =>
      json(res, 422, {
        errors: [{ detail: "Package has no bits to download.", title: "CF-UnprocessableEntity", code: 10008 }],
      }),
    );
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: api.url });
    const refused = await client.packages.download(GUID).catch((e) => e);
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect(refused.message).toContain("422 CF-UnprocessableEntity: Package has no bits to download.");

    const expired = await blobstore(403);
    const redirecting = await controller(`${expired.url}/blob?X-Amz-Signature=old`);
    const error = await createCloudFoundryClient({ token: TOKEN, baseUrl: redirecting.url, maxRetries: 0 })
      .packages.download(GUID)
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.request.url).toBe(`${expired.url}/blob?X-Amz-Signature=old`);
    expect(error.body).toContain("AccessDenied");
  });
});

describe("packages.downloadToFile", () => {
  /** Cloud Controller that names the zip's checksum and redirects the download to the blobstore. */
  async function api(store: string, checksum: string) {
    return serve((req, res) => {
      if (req.url === `/v3/packages/${GUID}`) {
        const pkg = cfPackage(GUID, "READY");
        return json(res, 200, { ...pkg, data: { ...pkg.data, checksum: { type: "sha256", value: checksum } } });
      }
      res.writeHead(302, { location: `${store}/bits/${GUID}` }).end();
    });
  }
  const target = () => path.join(mkdtempSync(path.join(os.tmpdir(), "pkgapi-dl-")), "package.zip");

  it("writes the zip to a file byte-exact, verified against the package's SHA-256, with progress", async () => {
    const store = await blobstore();
    const cc = await api(store.url, sha256(ZIP));
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: cc.url });
    const file = target();
    const progress: Array<{ loaded: number; total?: number }> = [];
    const saved = await client.packages.downloadToFile(GUID, file, { onProgress: (p) => progress.push(p) });
    expect(saved).toEqual({ path: file, bytes: ZIP.length, digest: sha256(ZIP) });
    expect(Buffer.compare(readFileSync(file), ZIP)).toBe(0);
    expect(progress.at(-1)).toEqual({ loaded: ZIP.length, total: ZIP.length });
    expect(progress.every((p, i) => p.loaded - (progress[i - 1]?.loaded ?? 0) <= 65536)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it("leaves no file behind when the bytes do not match the checksum", async () => {
    const store = await blobstore();
    const cc = await api(store.url, "0".repeat(64));
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: cc.url });
    const file = target();
    await expect(client.packages.downloadToFile(GUID, file)).rejects.toBeInstanceOf(IntegrityError);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it("gives a Node Readable when wanted", async () => {
    const store = await blobstore();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: (await controller(`${store.url}/bits`)).url });
    const readable = await nodeReadable(await client.packages.download(GUID));
    expect(readable).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    expect(Buffer.compare(Buffer.concat(chunks), ZIP)).toBe(0);
  });
});
