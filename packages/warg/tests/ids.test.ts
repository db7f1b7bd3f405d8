import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidParameterError, logIdFor, recordIdFor } from "../src/index.js";

// Independent of src/ids.ts: node:crypto and Buffer, LEB128 written out for lengths < 16384.
const nodeSha256 = (...parts: Array<string | Uint8Array>) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest("hex")}`;
};
const lengthPrefix = (n: number) => Buffer.from(n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);
const nodeLogId = (name: string) =>
  nodeSha256("WARG-PACKAGE-LOG-ID-V0:", "WARG-PACKAGE-ID-V0", lengthPrefix(name.length), name);
const nodeRecordId = (bytes: Uint8Array) => nodeSha256("WARG-PACKAGE-LOG-RECORD-V0:", bytes);

const kebab = /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;
const packageNames = fc.tuple(fc.stringMatching(kebab), fc.stringMatching(kebab)).map(([ns, name]) => `${ns}:${name}`);

// The record of bytecodealliance/registry `crates/protocol/tests/package-logs/minimal.json`
// (init + grantFlat, 2022-12-16T20:05:20.153436500Z) as warg encodes it (prost). With the
// current proto (`repeated PackagePermission permissions`, packed) its id is the head given in
// warg.md, `sha256:c5c223c6…a5fb`.
const minimalRecord =
  "GgsIgJ/znAYQ1IKVSSJDCkEKN2VjZHNhLXAyNTY6QTFPZlp6NVk5Tnk3VktQVndyb0NUUVBBcjl0bWxJNFUvVVRZSFpIQTg3QUYSBnNoYTI1NiI+EjwKN2VjZHNhLXAyNTY6QTR5QlF0OUltOHhuTzlTcjlQVDdPck9VUVA4T2xpamNxMWRQd3RkVHBpZ20SAQE=";
// The same record under the earlier proto (`PackagePermission permission`, not repeated); the
// repository's `output/minimal.json` at 78b46a8 gives its full id.
const minimalRecordEarlierProto =
  "GgsIgJ/znAYQ1IKVSSJDCkEKN2VjZHNhLXAyNTY6QTFPZlp6NVk5Tnk3VktQVndyb0NUUVBBcjl0bWxJNFUvVVRZSFpIQTg3QUYSBnNoYTI1NiI9EjsKN2VjZHNhLXAyNTY6QTR5QlF0OUltOHhuTzlTcjlQVDdPck9VUVA4T2xpamNxMWRQd3RkVHBpZ20QAQ==";
// specs/warg.yaml: the publish example's contentBytes and the recordId of its 202 examples.
const specRecord =
  "GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==";

describe("logIdFor", () => {
  it("reproduces the warg.md vector for example:greeter", async () => {
    await expect(logIdFor("example:greeter")).resolves.toBe(
      "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f",
    );
  });

  it("uses a two-byte LEB128 length for names of 128 bytes and more", async () => {
    const name = `${"a".repeat(196)}:abc`; // 200 bytes: LEB128 0xc8 0x01
    expect(lengthPrefix(name.length)).toEqual(Buffer.from([0xc8, 0x01]));
    await expect(logIdFor(name)).resolves.toBe(nodeLogId(name));
    expect(await logIdFor(name)).not.toBe(
      nodeSha256("WARG-PACKAGE-LOG-ID-V0:", "WARG-PACKAGE-ID-V0", Buffer.from([200]), name),
    );
  });

  it("matches node:crypto for any valid package name", async () => {
    await fc.assert(
      fc.asyncProperty(packageNames, async (name) => {
        expect(await logIdFor(name)).toBe(nodeLogId(name));
      }),
    );
  });

  it("refuses names that are not `<namespace>:<name>` in kebab case", async () => {
    for (const bad of [
      "Example:Greeter",
      "example",
      "example:",
      ":greeter",
      "example:greeter-",
      "example:1greeter",
      "ex ample:greeter",
      "a:b:c",
    ]) {
      await expect(logIdFor(bad)).rejects.toMatchObject({ name: "InvalidParameterError", param: "packageName" });
    }
    await expect(logIdFor(42 as unknown as string)).rejects.toBeInstanceOf(InvalidParameterError);
  });
});

describe("recordIdFor", () => {
  it("reproduces the warg.md vector sha256:c5c223c6…a5fb (minimal.json's head record)", async () => {
    const id = await recordIdFor(minimalRecord);
    expect(id.startsWith("sha256:c5c223c6")).toBe(true);
    expect(id.endsWith("a5fb")).toBe(true);
    expect(id).toBe(nodeRecordId(Buffer.from(minimalRecord, "base64")));
  });

  it("reproduces the repository's full vector for the earlier encoding", async () => {
    await expect(recordIdFor(minimalRecordEarlierProto)).resolves.toBe(
      "sha256:e1b205d2510baf03712dc20a515fcc93e6fe891877fe3af50d73cf147d9e39ba",
    );
  });

  it("agrees with the spec's examples (publish contentBytes → 202 recordId)", async () => {
    await expect(recordIdFor(specRecord)).resolves.toBe(
      "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce",
    );
  });

  it("hashes the raw bytes: base64 and Uint8Array give the same id, as node:crypto does", async () => {
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251); // base64 is built in 32 KiB slices
    await expect(recordIdFor(large)).resolves.toBe(nodeRecordId(large));
    await expect(recordIdFor(Buffer.from(large).toString("base64"))).resolves.toBe(nodeRecordId(large));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 70_000 }), async (bytes) => {
        const id = await recordIdFor(bytes);
        expect(id).toBe(nodeRecordId(bytes));
        expect(await recordIdFor(Buffer.from(bytes).toString("base64"))).toBe(id);
      }),
      { numRuns: 30 },
    );
  });

  it("refuses content that is empty or not standard base64", async () => {
    for (const bad of ["", "not base64!", "AAA", "AA=A", "-_-_", new Uint8Array(0), 7]) {
      await expect(recordIdFor(bad as string)).rejects.toMatchObject({
        name: "InvalidParameterError",
        param: "contentBytes",
      });
    }
  });
});
