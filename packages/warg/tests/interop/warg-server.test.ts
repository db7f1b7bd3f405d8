// The SDK against the real warg-server 0.10.0 and the real warg CLI 0.10.0. Every request for an
// operation of specs/warg.yaml passes through `prism proxy --errors`; the last test fails on any
// violation Prism reported. The tests run in order and build on each other's logs.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readInteropLog } from "../../../../scripts/warg/interop.mjs";
import {
  AuthenticationError,
  BadRequestError,
  createWargClient,
  InternalServerError,
  InvalidParameterError,
  logIdFor,
  NotFoundError,
  PublicKey,
  RecordRejectedError,
  SigningKey,
  signRecord,
  UnprocessableEntityError,
} from "../../src/index.js";
import { createConfiguration, PackageApi } from "../../src/sdk.js";
import { component } from "./component.js";

const env = inject("interop");
const run = promisify(execFile);
const sha256 = (bytes: Uint8Array) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
const signed = (contentBytes: string) =>
  Buffer.concat([Buffer.from("WARG-PACKAGE-RECORD-SIGNATURE-V0:"), Buffer.from(contentBytes, "base64")]);
const wait = { interval: 250, maxInterval: 1_000 };

describe.skipIf(!env)("warg-server 0.10.0 and the warg CLI", () => {
  // Without warg (skipped) the body is still collected: a placeholder URL keeps it from throwing.
  const { url, cli, logFile } = env ?? { url: "http://127.0.0.1:9", cli: "", logFile: "" };
  const baseUrl = `${url}/v1`;
  const warg = createWargClient({ baseUrl, maxRetries: 0 });
  const sdk = new PackageApi(createConfiguration({ baseUrl, maxRetries: 0 }));
  const name = "example:greeter";
  const v1 = component("example:greeter 1.0.0");
  const v2 = component("example:greeter 1.1.0");
  let key: SigningKey;

  // The CLI with a file-based keyring (`keyringBackend: flat-file`, under XDG_CONFIG_HOME), so
  // that it signs on a headless machine; its config points at the same router.
  let home = "";
  let config = "";
  beforeAll(() => {
    home = mkdtempSync(path.join(os.tmpdir(), "pkgapi-warg-cli-"));
    config = path.join(home, "config.json");
    writeFileSync(
      config,
      JSON.stringify({
        homeUrl: url,
        registriesDir: path.join(home, "registries"),
        contentDir: path.join(home, "content"),
        namespaceMapPath: path.join(home, "namespaces.json"),
        keys: ["default"],
        keyringBackend: "flat-file",
        disableInteractive: true,
      }),
    );
  });
  const warg_ = async (...args: string[]) => {
    const { stdout } = await run(cli, [...args, "--config", config], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, "xdg") },
    });
    return stdout;
  };
  const setCliKey = (text: string) => {
    const dir = path.join(home, "xdg", "warg", "keyring");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "service=warg-signing-key&user=default"), text, { mode: 0o600 });
  };
  const cliDownload = async (pkg: string, version: string) => {
    const out = path.join(home, `${pkg.replace(":", "-")}-${version}.wasm`);
    await warg_("update"); // the CLI reads logs it already knows from its local copy
    await warg_("download", pkg, "--version", version, "--output", out);
    return new Uint8Array(readFileSync(out));
  };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("publishes init and two releases of a component, each until published, and reads them back", async () => {
    key = await SigningKey.generate();
    const logId = await logIdFor(name);

    // The init record alone, built and signed with the record API.
    const init = await signRecord({ entries: [{ type: "init", key: key.publicKey }] }, key);
    await expect(warg.records.publish({ packageName: name, record: init.record })).resolves.toEqual({
      recordId: init.recordId,
      state: "processing",
    });
    await expect(warg.records.waitFor({ logId, recordId: init.recordId }, wait)).resolves.toMatchObject({
      state: "published",
    });

    // Then two releases in one call each: head lookup, sign, publish, upload, wait.
    const progress: unknown[] = [];
    const first = await warg.packages.publishRelease(
      { name, version: "1.0.0", content: v1, signingKey: key, wait },
      { onProgress: (p) => progress.push(p) },
    );
    expect(first).toMatchObject({
      state: "published",
      logId,
      version: "1.0.0",
      digest: sha256(v1),
      initialized: false,
    });
    expect(progress.at(-1)).toEqual({ digest: sha256(v1), loaded: v1.byteLength, total: v1.byteLength });
    const second = await warg.packages.publishRelease({ name, version: "1.1.0", content: v2, signingKey: key, wait });
    expect(second).toMatchObject({ state: "published", version: "1.1.0", digest: sha256(v2), initialized: false });

    // Read back: the log as the registry serves it, and each record's state.
    const log = await warg.packages.log(name);
    expect(log.map((r) => [r.recordId, r.prev, r.keyId])).toEqual([
      [init.recordId, undefined, key.keyId],
      [first.recordId, init.recordId, key.keyId],
      [second.recordId, first.recordId, key.keyId],
    ]);
    expect(log.map((r) => r.entries)).toEqual([
      [{ type: "init", key: key.publicKey.text, hashAlgorithm: "sha256" }],
      [{ type: "release", version: "1.0.0", digest: sha256(v1) }],
      [{ type: "release", version: "1.1.0", digest: sha256(v2) }],
    ]);
    for (const record of log)
      await expect(key.publicKey.verify(record.signature, signed(record.contentBytes))).resolves.toBe(true);
    expect(log[2].registryIndex).toBeGreaterThan(log[1].registryIndex);
    await expect(warg.records.get({ logId, recordId: second.recordId })).resolves.toEqual({
      recordId: second.recordId,
      state: "published",
      registryIndex: second.registryIndex,
    });
  });

  it("the warg CLI downloads both versions byte for byte (it verifies our log, signatures and checkpoints)", async () => {
    expect(await cliDownload(name, "1.0.0")).toEqual(v1);
    expect(await cliDownload(name, "1.1.0")).toEqual(v2);
  });

  it("the SDK reads a log the warg CLI published, verifies it, and extends it with the CLI's key", async () => {
    const cliKeyText = await (await SigningKey.generate()).export();
    setCliKey(cliKeyText);
    const content = component("example:cli-made 1.0.0");
    const file = path.join(home, "cli-made.wasm");
    writeFileSync(file, content);
    expect(await warg_("publish", "release", "--name", "example:cli-made", "--version", "1.0.0", file)).toContain(
      "published version 1.0.0",
    );

    const log = await warg.packages.log("example:cli-made");
    const entries = log.flatMap((r) => r.entries);
    const init = entries.find((e) => e.type === "init");
    expect(init).toMatchObject({ type: "init", hashAlgorithm: "sha256" });
    const cliKey = await PublicKey.import((init as { key: string }).key);
    expect(cliKey.keyId).toBe((await SigningKey.import(cliKeyText)).keyId);
    expect(entries).toContainEqual({ type: "release", version: "1.0.0", digest: sha256(content) });
    for (const record of log) {
      expect(record.keyId).toBe(cliKey.keyId);
      await expect(cliKey.verify(record.signature, signed(record.contentBytes))).resolves.toBe(true);
    }
    const logId = await logIdFor("example:cli-made");
    await expect(warg.records.get({ logId, recordId: log.at(-1)?.recordId ?? "" })).resolves.toMatchObject({
      state: "published",
    });

    // The same key, imported from warg's text form, publishes the next release after the CLI's record.
    const next = component("example:cli-made 2.0.0");
    const release = await warg.packages.publishRelease({
      name: "example:cli-made",
      version: "2.0.0",
      content: next,
      signingKey: cliKeyText, // warg's text form, as `warg key set` takes it
      wait,
    });
    expect(release).toMatchObject({ state: "published", initialized: false });
    expect((await warg.packages.log("example:cli-made")).at(-1)?.prev).toBe(log.at(-1)?.recordId);
    expect(await cliDownload("example:cli-made", "2.0.0")).toEqual(next);
  });

  it("reports a record that still misses content as processing on GET (only the publish answer says sourcing)", async () => {
    const content = component("example:greeter 2.0.0");
    const logId = await logIdFor(name);
    const head = (await warg.packages.log(name)).at(-1)?.recordId;
    const record = await signRecord(
      { prev: head, entries: [{ type: "release", version: "2.0.0", digest: sha256(content) }] },
      key,
    );
    const accepted = await warg.records.publish({ packageName: name, record: record.record });
    expect(accepted).toMatchObject({
      recordId: record.recordId,
      state: "sourcing",
      missingContent: { [sha256(content)]: { upload: [{ type: "http", method: "POST" }] } },
    });
    await expect(warg.records.get({ logId, recordId: record.recordId })).resolves.toEqual({
      recordId: record.recordId,
      state: "processing",
    });
    if (accepted.state !== "sourcing") return;
    await warg.records.uploadMissingContent(accepted, { [sha256(content)]: content });
    await expect(warg.records.waitFor({ logId, recordId: record.recordId }, wait)).resolves.toMatchObject({
      state: "published",
    });
  });

  it("grant, a release by the granted key, then revoke and yank: all published and read back", async () => {
    const logId = await logIdFor(name);
    const publish = async (entries: Parameters<typeof signRecord>[0]["entries"], signer: SigningKey) => {
      const head = (await warg.packages.log(name)).at(-1)?.recordId;
      const record = await signRecord({ prev: head, entries }, signer);
      await warg.records.publish({ packageName: name, record: record.record });
      return warg.records.waitFor({ logId, recordId: record.recordId }, wait);
    };
    const helper = await SigningKey.generate();
    await publish([{ type: "grant", key: helper.publicKey, permissions: ["release"] }], key);
    const content = component("example:greeter 3.0.0");
    const byHelper = await warg.packages.publishRelease({ name, version: "3.0.0", content, signingKey: helper, wait });
    expect(byHelper).toMatchObject({ state: "published", initialized: false });
    await publish(
      [
        { type: "revoke", keyId: helper.keyId, permissions: ["release"] },
        { type: "yank", version: "3.0.0" },
      ],
      key,
    );
    const log = await warg.packages.log(name);
    expect(log.slice(-3).map((r) => [r.keyId, r.entries])).toEqual([
      [key.keyId, [{ type: "grant", key: helper.publicKey.text, permissions: ["release"] }]],
      [helper.keyId, [{ type: "release", version: "3.0.0", digest: sha256(content) }]],
      [
        key.keyId,
        [
          { type: "revoke", keyId: helper.keyId, permissions: ["release"] },
          { type: "yank", version: "3.0.0" },
        ],
      ],
    ]);
    // Revoked: the helper's next release is rejected.
    const error = await warg.packages
      .publishRelease({ name, version: "3.0.1", content, signingKey: helper, wait })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordRejectedError);
  });

  describe("every error of a bad publish surfaces as the typed error of the spec", () => {
    const release = (version: string) => [{ type: "release" as const, version, digest: sha256(v1) }];
    const head = async () => (await warg.packages.log(name)).at(-1)?.recordId;

    it("401 for a key the log does not know", async () => {
      const stranger = await SigningKey.generate();
      const record = await signRecord({ prev: await head(), entries: release("9.0.0") }, stranger);
      const error = await warg.records.publish({ packageName: name, record: record.record }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        status: 401,
        body: { status: 401, message: `unknown key id \`${stranger.keyId}\`` },
      });
    });

    it("401 for a signature that does not verify with the log's key", async () => {
      const stranger = await SigningKey.generate();
      const record = await signRecord({ prev: await head(), entries: release("9.0.0") }, stranger);
      const forged = { ...record.record, keyId: key.keyId };
      const error = await warg.records.publish({ packageName: name, record: forged }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        status: 401,
        body: { message: `signature \`${forged.signature}\` verification failed` },
      });
    });

    it("an init record naming another key id is accepted (202) and then rejected, not 401", async () => {
      const other = await SigningKey.generate();
      const record = await signRecord({ entries: [{ type: "init", key: key.publicKey }] }, key);
      const accepted = await warg.records.publish({
        packageName: "example:mismatch",
        record: { ...record.record, keyId: other.keyId },
      });
      expect(accepted).toEqual({ recordId: record.recordId, state: "processing" });
      const error = await warg.records
        .waitFor({ logId: await logIdFor("example:mismatch"), recordId: record.recordId }, wait)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordRejectedError);
      expect((error as RecordRejectedError).reason).toMatch(/invalid/);
    });

    it("400 when the log id does not match the package name (the generated SDK takes the log id as given)", async () => {
      const record = await signRecord({ prev: await head(), entries: release("9.0.0") }, key);
      const wrongLogId = await logIdFor("example:other");
      const error = await sdk
        .publishPackageRecord({
          logId: wrongLogId,
          publishPackageRecordRequest: { packageName: name, record: record.record },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).body).toEqual({
        status: 400,
        message: `package log identifier \`${await logIdFor(name)}\` derived from \`${name}\` does not match provided log identifier \`${wrongLogId}\``,
      });
    });

    it("404 for an unknown record of a known log, and for an unknown log", async () => {
      const logId = await logIdFor(name);
      const recordId = sha256(new TextEncoder().encode("no such record"));
      await expect(warg.records.get({ logId, recordId })).rejects.toMatchObject({
        constructor: NotFoundError,
        body: { status: 404, type: "record", id: recordId },
      });
      const unknownLog = await logIdFor("example:nothing-here");
      await expect(warg.records.get({ logId: unknownLog, recordId })).rejects.toMatchObject({
        body: { status: 404, type: "log", id: unknownLog },
      });
    });

    it("404 for a namespace the registry does not define", async () => {
      const error = await warg.packages
        .publishRelease({ name: "other:pkg", version: "1.0.0", content: v1, signingKey: key })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ body: { status: 404, type: "namespace", id: "other" } });
    });

    it("422 for a signature of an algorithm warg does not know (the spec's pattern admits it)", async () => {
      const record = await signRecord({ prev: await head(), entries: release("9.0.0") }, key);
      const error = await warg.records
        .publish({
          packageName: name,
          record: { ...record.record, signature: `ed25519:${Buffer.alloc(64, 1).toString("base64")}` },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({
        status: 422,
        body: { status: 422, message: expect.stringMatching(/^Failed to deserialize the JSON body/) },
      });
    });

    it("a release of a version that is already released is rejected", async () => {
      const error = await warg.packages
        .publishRelease({ name, version: "1.0.0", content: v1, signingKey: key, wait })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordRejectedError);
      expect((error as RecordRejectedError).reason).toMatch(/1\.0\.0 which is already released/);
    });

    it("fetchLogs answers 404 for a log length no checkpoint has, a fetch token that does not parse, and an unknown log", async () => {
      const logId = await logIdFor(name);
      const { contents } = await warg.logs.checkpoint();
      const post = (body: { logLength: number; packages: Record<string, string | null> }) =>
        warg.raw.POST("/fetch/logs", { body });
      const noCheckpoint = await post({ logLength: contents.logLength + 1000, packages: { [logId]: null } });
      expect([noCheckpoint.response.status, noCheckpoint.error]).toEqual([
        404,
        { status: 404, type: "logLength", id: contents.logLength + 1000 },
      ]);
      const badToken = await post({ logLength: contents.logLength, packages: { [logId]: "not-a-token" } });
      expect([badToken.response.status, badToken.error]).toEqual([
        404,
        { status: 404, type: "fetchToken", id: "not-a-token" },
      ]);
      const unknownLog = await logIdFor("example:nothing-here");
      const noLog = await post({ logLength: contents.logLength, packages: { [unknownLog]: null } });
      expect([noLog.response.status, noLog.error]).toEqual([404, { status: 404, type: "log", id: unknownLog }]);
    });

    // Prism turns any upstream 501 into its own problem document, so these two go straight to
    // the server (`x-interop-direct`); the bodies are compared with the spec's examples here.
    const direct = { "x-interop-direct": "1" };

    it("501 for content sources", async () => {
      const record = await signRecord({ prev: await head(), entries: release("9.0.0") }, key);
      const contentSources = {
        [sha256(v1)]: [{ type: "httpGet" as const, url: "https://cdn.example.com/greeter.wasm" }],
      };
      const error = await warg.records
        .publish({ packageName: name, record: record.record, contentSources }, { headers: direct })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({
        status: 501,
        body: { status: 501, message: "specifying content sources is not supported" },
      });
    });

    it("501 text/plain for the Warg-Registry header", async () => {
      const error = await warg.records
        .get(
          { logId: await logIdFor(name), recordId: sha256(v1) },
          { headers: { ...direct, "warg-registry": "wa.dev" } },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ status: 501, body: "`Warg-Registry` header is not supported" });
    });
  });

  it("refuses bad input before any request", async () => {
    const before = readInteropLog(logFile).length;
    const good = { name, version: "3.0.0", content: v1, signingKey: key };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ signingKey: "ecdsa-p256:not a key" }, "signingKey"],
      [{ version: "3.0" }, "version"],
      [{ name: "greeter" }, "name"],
      [{ digest: sha256(v2) }, "content"],
    ];
    for (const [change, param] of cases) {
      await expect(warg.packages.publishRelease({ ...good, ...change } as never)).rejects.toMatchObject({
        constructor: InvalidParameterError,
        param,
      });
    }
    await expect(SigningKey.import("ecdsa-p256:AAAA")).rejects.toBeInstanceOf(InvalidParameterError);
    expect(readInteropLog(logFile).length).toBe(before);
  });

  it("every answer of the real server validated against specs/warg.yaml (prism proxy --errors): no violation", () => {
    const log = readInteropLog(logFile);
    const validated = log.filter((entry) => entry.via === "prism");
    console.log(
      `warg interop: ${validated.length} exchanges validated by prism proxy (${validated.filter((e) => e.client === "warg-cli").length} from the warg CLI), ` +
        `${log.length - validated.length} outside the spec or 501s sent direct; violations: ${validated.filter((e) => e.violations).length}`,
    );
    expect(validated.length).toBeGreaterThan(20);
    expect(validated.filter((entry) => entry.client === "warg-cli").length).toBeGreaterThan(0);
    expect(validated.filter((entry) => entry.violations)).toEqual([]);
  });
});
