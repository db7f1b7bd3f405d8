// packages.upload against a real local node:http server standing in for Cloud Controller.
import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { type ReceivedPart, receiveMultipart, serversPerTest } from "@pkgapi/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createCloudFoundryClient, InvalidParameterError, type ResourceMatch } from "../src/index.js";
import { createConfiguration, PackagesApi } from "../src/sdk.js";
import { cfPackage, GUID, json, TOKEN } from "./helpers.js";

const serve = serversPerTest();
type Server = Awaited<ReturnType<typeof serve>>;
let server: Server | undefined;

const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-cf-upload-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha1 = (data: Buffer | string) => createHash("sha1").update(data).digest("hex");

/** Cloud Controller's upload endpoint: hashes every part while it streams in, answers PROCESSING_UPLOAD. */
async function fakeUploads() {
  const uploads: ReceivedPart[][] = [];
  const lengths: number[] = [];
  server = await serve(async (req, res) => {
    const { parts, bytes } = await receiveMultipart(req);
    uploads.push(parts);
    lengths.push(bytes);
    json(res, 200, cfPackage(GUID, "PROCESSING_UPLOAD"));
  });
  return { server, uploads, lengths, client: createCloudFoundryClient({ token: TOKEN, baseUrl: server.url }) };
}

/** A file of `size` deterministic, position-dependent bytes, and its SHA-1. */
function bigFile(size: number): { file: string; sha1: string } {
  const file = path.join(dir, "big.zip");
  const fd = openSync(file, "w");
  const hash = createHash("sha1");
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 7919) % 251;
  for (let offset = 0, n = 0; offset < size; offset += block.length, n++) {
    block.writeUInt32BE(n, 0); // every MiB differs, so reordered or repeated blocks would show
    const slice = block.subarray(0, Math.min(block.length, size - offset));
    writeSync(fd, slice);
    hash.update(slice);
  }
  closeSync(fd);
  return { file, sha1: hash.digest("hex") };
}

const resource = (over: Partial<ResourceMatch> = {}): ResourceMatch => ({
  checksum: { value: sha1("cached file") },
  size_in_bytes: 11,
  path: "app/lib/server.js",
  mode: "644",
  ...over,
});

describe("packages.upload", () => {
  it("streams a 200 MB zip from a path byte-exact as the `bits` part, with progress to the total", async () => {
    const size = 200 * 1024 * 1024;
    const { file, sha1: expected } = bigFile(size);
    const { server, uploads, lengths, client } = await fakeUploads();
    const progress: Array<{ loaded: number; total?: number }> = [];
    const pkg = await client.packages.upload({ guid: GUID, bits: file }, { onProgress: (p) => progress.push(p) });

    expect(pkg).toMatchObject({ guid: GUID, state: "PROCESSING_UPLOAD" });
    const [parts] = uploads;
    expect(parts).toHaveLength(1);
    expect(parts?.[0]?.head).toMatch(
      /Content-Disposition: form-data; name="bits"; filename="package\.zip"\r\nContent-Type: application\/zip/i,
    );
    expect(parts?.[0]?.size).toBe(size);
    expect(parts?.[0]?.sha1).toBe(expected);

    const request = server.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/v3/packages/${GUID}/upload`);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(Number(request?.headers["content-length"])).toBe(lengths[0]);
    // Progress is the file's own bytes, in steps of at most 64 KiB.
    expect(progress.at(-1)).toEqual({ loaded: size, total: size });
    expect(progress.length).toBeGreaterThanOrEqual(size / 65536);
    expect(progress.every((p, i) => p.loaded - (progress[i - 1]?.loaded ?? 0) <= 65536 && p.total === size)).toBe(true);
  });

  it("accepts a Blob, a Buffer and a stream as well", async () => {
    const zip = Buffer.from("PK\u0003\u0004 a small zip, byte for byte \u0000\u00ff");
    const { uploads, client } = await fakeUploads();
    for (const bits of [new Blob([zip]), zip, Readable.from([zip.subarray(0, 10), zip.subarray(10)])])
      await client.packages.upload({ guid: GUID, bits });
    expect(uploads.map((parts) => parts.map((p) => [p.size, p.sha1]))).toEqual(
      Array(3).fill([[zip.length, sha1(zip)]]),
    );
  });

  it("sends resources alone as a JSON text field, and before the zip when both are given (as the cf CLI)", async () => {
    const { uploads, client } = await fakeUploads();
    const resources = [resource(), resource({ path: "public/index.html", mode: undefined, size_in_bytes: 0 })];
    await client.packages.upload({ guid: GUID, resources });
    await client.packages.upload({ guid: GUID, resources, bits: Buffer.from("PK zip") });

    const [alone, both] = uploads;
    expect(alone).toHaveLength(1);
    expect(alone?.[0]?.head).toBe('Content-Disposition: form-data; name="resources"');
    expect(JSON.parse(alone?.[0]?.data.toString() ?? "")).toEqual([
      { checksum: { value: sha1("cached file") }, size_in_bytes: 11, path: "app/lib/server.js", mode: "644" },
      { checksum: { value: sha1("cached file") }, size_in_bytes: 0, path: "public/index.html" },
    ]);
    expect(both?.map((part) => /name="(\w+)"/.exec(part.head)?.[1])).toEqual(["resources", "bits"]);
    expect(both?.[0]?.sha1).toBe(alone?.[0]?.sha1);
  });

  it("the generated SDK sends `resources` the same way: a plain text field, no file name, no part content type", async () => {
    const { server, uploads } = await fakeUploads();
    const text = JSON.stringify([resource()]);
    const api = new PackagesApi(createConfiguration({ token: TOKEN, baseUrl: server.url }));
    await api.uploadPackageBits({ guid: GUID, resources: text });
    const [part] = uploads[0] ?? [];
    expect(uploads[0]).toHaveLength(1);
    expect(part?.head).toBe('Content-Disposition: form-data; name="resources"');
    expect(part?.data.toString()).toBe(text);
  });

  it("refuses bad input before sending anything, naming the parameter", async () => {
    const { server, client } = await fakeUploads();
    const cases: Array<[Parameters<typeof client.packages.upload>[0], string, RegExp]> = [
      [{ guid: GUID }, "bits", /is required unless `resources` lists at least one file/],
      [{ guid: GUID, resources: [] }, "bits", /is required unless/],
      [{ guid: "../x", bits: Buffer.from("z") }, "guid", /must be a GUID/],
      [{ guid: GUID, resources: resource() as never }, "resources", /must be an array/],
      [{ guid: GUID, resources: [null as never] }, "resources[0]", /must be an object/],
      [
        { guid: GUID, resources: [resource({ checksum: { value: "ABC" } })] },
        "resources[0].checksum.value",
        /40 lowercase hex digits/,
      ],
      [
        { guid: GUID, resources: [resource({ checksum: { value: sha1("x").toUpperCase() } })] },
        "resources[0].checksum.value",
        /SHA-1/,
      ],
      [
        { guid: GUID, resources: [resource(), resource({ size_in_bytes: -1 })] },
        "resources[1].size_in_bytes",
        /must be >= 0/,
      ],
      [
        { guid: GUID, resources: [resource({ size_in_bytes: 1.5 })] },
        "resources[0].size_in_bytes",
        /must be an integer/,
      ],
      [
        { guid: GUID, resources: [resource({ path: "../etc/passwd" })] },
        "resources[0].path",
        /relative to the app root/,
      ],
      [{ guid: GUID, resources: [resource({ path: "app/../../x" })] }, "resources[0].path", /without "\.\."/],
      [{ guid: GUID, resources: [resource({ path: "/etc/passwd" })] }, "resources[0].path", /relative/],
      [{ guid: GUID, resources: [resource({ path: "C:\\app" })] }, "resources[0].path", /relative/],
      [{ guid: GUID, resources: [resource({ path: "" })] }, "resources[0].path", /relative/],
      [{ guid: GUID, resources: [resource({ mode: "rwxr-xr-x" })] }, "resources[0].mode", /octal mode/],
      [{ guid: GUID, resources: [resource({ mode: "400" })] }, "resources[0].mode", /owner read and write/],
      [{ guid: GUID, bits: "" }, "bits", /must not be an empty path/],
      [{ guid: GUID, bits: path.join(dir, "missing.zip") }, "bits", /cannot read/],
    ];
    for (const [params, param, problem] of cases) {
      const error = await client.packages.upload(params).catch((e) => e);
      expect(error, param).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ param, problem: expect.stringMatching(problem) });
    }
    expect(server.requests).toHaveLength(0);
  });
});
