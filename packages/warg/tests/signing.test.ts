// Keys, record encoding and signatures against warg's own vectors (warg-crypto and
// warg-protocol 0.10.0 tests) and an independent verifier (node:crypto).
import { createHash, createPublicKey, verify } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  decodeRecord,
  encodeRecord,
  InvalidParameterError,
  PublicKey,
  recordIdFor,
  SigningKey,
  signRecord,
} from "../src/index.js";

// warg-protocol `tests/package-logs/longer.json`: three records, keys and ids from `output/longer.json`.
const alicePrivate = "ecdsa-p256:I+UlDo0HxyBBFeelhPPWmD+LnklOpqZDkrFP5VduASk=";
const alicePublic = "ecdsa-p256:A1OfZz5Y9Ny7VKPVwroCTQPAr9tmlI4U/UTYHZHA87AF";
const aliceKeyId = "sha256:d6d9b4cd077a829c0275233bf3843c8294e250dfcc82b8ea15745e92982a820d";
const bobPrivate = "ecdsa-p256:2CV1EpLaSYEn4In4OAEDAj5O4Hzu8AFAxgHXuG310Ew=";
const bobPublic = "ecdsa-p256:A5qc6uBi070EBb4GihGzpx6Cm5+oZnv4dWpBhhuZVagu";
const bobKeyId = "sha256:8ed824821ce75c381458f8097996ab77780550ba7fb9c240e4799bb781941abb";
const time = { seconds: 1671221120, nanos: 153436500 };

const signedMessage = (contentBytes: string) =>
  Buffer.concat([Buffer.from("WARG-PACKAGE-RECORD-SIGNATURE-V0:"), Buffer.from(contentBytes, "base64")]);

describe("keys", () => {
  it("derives warg's public key and key id from warg's private key vectors", async () => {
    const alice = await SigningKey.import(alicePrivate);
    expect(alice.publicKey.text).toBe(alicePublic);
    expect(alice.keyId).toBe(aliceKeyId);
    const bob = await SigningKey.import(bobPrivate);
    expect(bob.publicKey.text).toBe(bobPublic);
    expect(bob.keyId).toBe(bobKeyId);
    await expect(alice.export()).resolves.toBe(alicePrivate); // warg-crypto's roundtrip test
  });

  it("imports public keys, compressed or not, and gives warg's key id", async () => {
    const key = await PublicKey.import(alicePublic);
    expect(key.keyId).toBe(aliceKeyId);
    const uncompressed = Buffer.from(await crypto.subtle.exportKey("raw", key.cryptoKey)).toString("base64");
    const again = await PublicKey.import(`ecdsa-p256:${uncompressed}`);
    expect(again.text).toBe(alicePublic);
    expect(`sha256:${createHash("sha256").update(alicePublic).digest("hex")}`).toBe(aliceKeyId);
  });

  it("generates keys whose text forms round-trip", async () => {
    const key = await SigningKey.generate();
    const text = await key.export();
    expect(text).toMatch(/^ecdsa-p256:[A-Za-z0-9+/]{43}=$/);
    const again = await SigningKey.import(text);
    expect(again.keyId).toBe(key.keyId);
    expect(key.publicKey.text).toMatch(/^ecdsa-p256:A[A-Za-z0-9+/]{43}$/);
  });

  it("never shows the secret in strings, JSON or inspect", async () => {
    const key = await SigningKey.import(alicePrivate);
    const secret = alicePrivate.slice("ecdsa-p256:".length);
    for (const shown of [String(key), JSON.stringify(key), inspect(key, { depth: 5, showHidden: true })]) {
      expect(shown).toContain(aliceKeyId);
      expect(shown).not.toContain(secret);
    }
  });

  it.each([
    ["no colon", "I+UlDo0HxyBBFeelhPPWmD+LnklOpqZDkrFP5VduASk=", /form/],
    ["another algorithm", "ed25519:I+UlDo0HxyBBFeelhPPWmD+LnklOpqZDkrFP5VduASk=", /algorithm/],
    ["bad base64", "ecdsa-p256:not base64!", /base64/],
    ["a short scalar", "ecdsa-p256:AAEC", /32-byte/],
    ["a zero scalar", `ecdsa-p256:${Buffer.alloc(32).toString("base64")}`, /valid P-256/],
    ["a scalar above the order", `ecdsa-p256:${Buffer.alloc(32, 0xff).toString("base64")}`, /valid P-256/],
  ])("refuses a private key with %s, without echoing it", async (_, text, problem) => {
    const error = await SigningKey.import(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error).toMatchObject({ param: "signingKey", problem: expect.stringMatching(problem) });
    expect((error as Error).message).not.toContain(text.split(":").pop());
  });

  it("refuses a public key that is not a point on the curve", async () => {
    const bad = `ecdsa-p256:${Buffer.from([2, ...Buffer.alloc(32, 0xff)]).toString("base64")}`;
    await expect(PublicKey.import(bad)).rejects.toMatchObject({
      param: "publicKey",
      problem: expect.stringMatching(/P-256/),
    });
  });

  it("signs as warg does: DER ECDSA P-256/SHA-256, verified by node:crypto", async () => {
    const key = await SigningKey.generate();
    const message = new TextEncoder().encode("WARG-PACKAGE-RECORD-SIGNATURE-V0:hello");
    for (let i = 0; i < 20; i++) {
      const signature = await key.sign(message);
      expect(signature).toMatch(/^ecdsa-p256:ME/); // a DER SEQUENCE (0x30) of at most 71 bytes
      const der = Buffer.from(signature.slice("ecdsa-p256:".length), "base64");
      const spki = createPublicKey({
        key: Buffer.from(await crypto.subtle.exportKey("spki", key.publicKey.cryptoKey)),
        format: "der",
        type: "spki",
      });
      expect(verify("sha256", message, { key: spki, dsaEncoding: "der" }, der)).toBe(true);
      await expect(key.publicKey.verify(signature, message)).resolves.toBe(true);
      await expect(key.publicKey.verify(signature, new TextEncoder().encode("other"))).resolves.toBe(false);
    }
  });
});

describe("records", () => {
  it("reproduces the record ids of warg-protocol's longer.json log byte for byte", async () => {
    const alice = await SigningKey.import(alicePrivate);
    const bob = await SigningKey.import(bobPrivate);
    const init = await signRecord(
      {
        time,
        entries: [
          { type: "init", key: alicePublic },
          { type: "grant", key: bobPublic, permissions: ["release"] },
        ],
      },
      alice,
    );
    const release = await signRecord(
      {
        prev: init.recordId,
        time,
        entries: [
          {
            type: "release",
            version: "1.0.0",
            digest: "sha256:7d38b5cd25a2baf85ad3bb5b9311383e671a8a142eb302b324d4a5fba8748c69",
          },
        ],
      },
      bob,
    );
    expect(release.recordId).toBe("sha256:9cceb5c0132deb4eb971802826ff72666b2fc85139360a5ae8d17d02772745a4");
    const yank = await signRecord(
      {
        prev: release.recordId,
        time,
        entries: [
          { type: "revoke", keyId: bobKeyId, permissions: ["release"] },
          { type: "yank", version: "1.0.0" },
        ],
      },
      alice,
    );
    expect(yank.recordId).toBe("sha256:e85a8f3c25dbb77b443b9fc7b80464a37c9e4ba18b707d4d878331384b241bfe");
    expect(init.record.keyId).toBe(aliceKeyId);
    expect(release.record.keyId).toBe(bobKeyId);
    await expect(recordIdFor(yank.record.contentBytes)).resolves.toBe(yank.recordId);
    await expect(
      bob.publicKey.verify(release.record.signature, signedMessage(release.record.contentBytes)),
    ).resolves.toBe(true);
  });

  it("decodes what it encodes", async () => {
    const bytes = await encodeRecord({
      prev: "sha256:9cceb5c0132deb4eb971802826ff72666b2fc85139360a5ae8d17d02772745a4",
      time: new Date("2026-01-02T03:04:05.678Z"),
      entries: [
        { type: "init", key: alicePublic },
        { type: "grant", key: bobPublic, permissions: ["release", "yank"] },
        { type: "revoke", keyId: bobKeyId, permissions: ["yank"] },
        { type: "release", version: "1.2.3-rc.1+build.5", digest: `sha256:${"a".repeat(64)}` },
        { type: "yank", version: "1.2.3-rc.1+build.5" },
      ],
    });
    expect(decodeRecord(bytes)).toEqual({
      prev: "sha256:9cceb5c0132deb4eb971802826ff72666b2fc85139360a5ae8d17d02772745a4",
      version: 0,
      time: new Date("2026-01-02T03:04:05.678Z"),
      entries: [
        { type: "init", key: alicePublic, hashAlgorithm: "sha256" },
        { type: "grant", key: bobPublic, permissions: ["release", "yank"] },
        { type: "revoke", keyId: bobKeyId, permissions: ["yank"] },
        { type: "release", version: "1.2.3-rc.1+build.5", digest: `sha256:${"a".repeat(64)}` },
        { type: "yank", version: "1.2.3-rc.1+build.5" },
      ],
    });
  });

  it("refuses bytes that are not a package record", () => {
    expect(() => decodeRecord(Uint8Array.from([0x22, 0x05, 0x0a]))).toThrow(InvalidParameterError);
    expect(() => decodeRecord(Uint8Array.from([0x22, 0x04, 0x12, 0x02, 0x12, 0x00, 0x10]))).toThrow(
      /warg package record/,
    );
  });

  it.each([
    [{ entries: [] }, "entries"],
    [{ prev: "sha256:ABC", entries: [{ type: "yank", version: "1.0.0" }] }, "prev"],
    [{ time: new Date(Number.NaN), entries: [{ type: "yank", version: "1.0.0" }] }, "time"],
    [{ entries: [{ type: "release", version: "v1.0.0", digest: `sha256:${"a".repeat(64)}` }] }, "entries[0].version"],
    [{ entries: [{ type: "release", version: "1.0", digest: `sha256:${"a".repeat(64)}` }] }, "entries[0].version"],
    [{ entries: [{ type: "release", version: "01.0.0", digest: `sha256:${"a".repeat(64)}` }] }, "entries[0].version"],
    [{ entries: [{ type: "release", version: "1.0.0", digest: "sha256:xyz" }] }, "entries[0].digest"],
    [{ entries: [{ type: "grant", key: bobPublic, permissions: [] }] }, "entries[0].permissions"],
    [{ entries: [{ type: "grant", key: bobPublic, permissions: ["admin"] }] }, "entries[0].permissions"],
    [{ entries: [{ type: "init", key: "ecdsa-p256:AAAA" }] }, "entries[0].key"],
    [{ entries: [{ type: "publish" }] }, "entries[0].type"],
  ])("refuses %j naming %s", async (contents, param) => {
    const key = await SigningKey.generate();
    await expect(signRecord(contents as never, key)).rejects.toMatchObject({ name: "InvalidParameterError", param });
  });

  it("refuses something that is not a SigningKey", async () => {
    await expect(
      signRecord({ entries: [{ type: "yank", version: "1.0.0" }] }, alicePrivate as never),
    ).rejects.toMatchObject({ param: "signingKey" });
  });
});
