// Bad input is refused with InvalidParameterError naming the parameter, before any request: the
// local server must see none.
import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { callWithBadInput, localServer } from "@pkgapi/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWargClient,
  InvalidParameterError,
  type PublishParams,
  SigningKey,
  type WargClient,
} from "../src/index.js";

const ref = {
  logId: "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f",
  recordId: "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce",
};
const valid: PublishParams = {
  packageName: "example:greeter",
  record: {
    contentBytes: "GgsIwPiJwwYQgJTvOiJD",
    keyId: "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
    signature: "ecdsa-p256:MEUCIQCOP+FWh+/VNJbn",
  },
};
const ANY_HASH = /^sha256:[a-f0-9]{64}$/;
const badHashes = [
  "",
  "sha256:",
  ref.logId.toUpperCase(),
  ref.logId.slice(0, -1),
  `${ref.logId}0`,
  ref.logId.replace("sha256", "sha512"),
  `sha256:${"g".repeat(64)}`,
  "..",
  42,
  null,
  undefined,
];

let server: Awaited<ReturnType<typeof localServer>>;
let client: WargClient;
beforeAll(async () => {
  server = await localServer((_req: unknown, res: ServerResponse) => {
    res.writeHead(500);
    res.end();
  });
  client = createWargClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
});
afterAll(() => server.close());

async function refused(call: Promise<unknown>, param: string) {
  const failure: unknown = await call.catch((e) => e);
  expect(failure).toBeInstanceOf(InvalidParameterError);
  expect(failure).toMatchObject({ param, message: expect.stringContaining(`\`${param}\``) });
  expect(server.requests).toHaveLength(0);
}

describe("input validation", () => {
  it("refuses bad log and record ids in get and waitFor", async () => {
    for (const bad of badHashes) {
      await refused(client.records.get({ ...ref, logId: bad as string }), "logId");
      await refused(client.records.get({ ...ref, recordId: bad as string }), "recordId");
      await refused(client.records.waitFor({ ...ref, recordId: bad as string }), "recordId");
    }
  });

  it("refuses any string that is not a sha256 id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => !ANY_HASH.test(s)),
        async (bad) => {
          await refused(client.records.get({ ...ref, logId: bad }), "logId");
        },
      ),
    );
  });

  it("refuses a missing reference object", async () => {
    await expect(client.records.get(undefined as never)).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses bad package names", async () => {
    for (const bad of [
      "Example:Greeter",
      "example",
      "example/greeter",
      "example:greeter!",
      "example:-greeter",
      "",
      7,
    ]) {
      await refused(client.records.publish({ ...valid, packageName: bad as string }), "packageName");
    }
  });

  it("refuses record fields that are missing or malformed", async () => {
    const record = (field: keyof PublishParams["record"], value: unknown) =>
      client.records.publish({ ...valid, record: { ...valid.record, [field]: value } });
    for (const bad of ["", "not base64", "GgsIwPiJwwYQgJTvOiJ", "GgsI-_", new Uint8Array(0), 12, undefined])
      await refused(record("contentBytes", bad), "record.contentBytes");
    for (const bad of badHashes) await refused(record("keyId", bad), "record.keyId");
    for (const bad of ["", "MEUCIQCOP+FW", "ecdsa-p256:", "ECDSA:MEUC", "ecdsa-p256:MEU", undefined])
      await refused(record("signature", bad), "record.signature");
    await refused(client.records.publish({ ...valid, record: undefined as never }), "record");
  });

  it("refuses content sources keyed by something other than a digest", async () => {
    await refused(
      client.records.publish({
        ...valid,
        contentSources: { "greeter.wasm": [{ type: "httpGet", url: "https://cdn.example.com/greeter.wasm" }] },
      }),
      "contentSources",
    );
  });

  it("refuses bad input to publishRelease: name, version, key, content and digest", async () => {
    const content = new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);
    const digest = "sha256:24eaf3439a60c96764c4f2c92a0a81b52bd4fe5d5b91f090184a0f6486b1bf29";
    const good = {
      name: "example:greeter",
      version: "1.0.0",
      content,
      digest,
      signingKey: await SigningKey.generate(),
    };
    const publish = (change: Record<string, unknown>) =>
      client.packages.publishRelease({ ...good, ...change } as never);
    for (const bad of ["greeter", "Example:Greeter", "", 1]) await refused(publish({ name: bad }), "name");
    for (const bad of ["1.0", "v1.0.0", "01.0.0", "1.0.0-", "", null])
      await refused(publish({ version: bad }), "version");
    for (const bad of [
      "ecdsa-p256:AAAA",
      "ed25519:I+UlDo0HxyBBFeelhPPWmD+LnklOpqZDkrFP5VduASk=",
      "I+UlDo0HxyBBFeelhPPWmD+LnklOpqZDkrFP5VduASk=",
      {},
      undefined,
    ])
      await refused(publish({ signingKey: bad }), "signingKey");
    await refused(publish({ digest: `sha256:${"0".repeat(64)}` }), "content");
    await refused(publish({ digest: "sha256:XYZ" }), "digest");
    await refused(publish({ content: "/no/such/file.wasm" }), "content");
    await refused(publish({ content: Readable.from([content]), digest: undefined }), "content");
  });

  it("refuses bad input to logs.fetch", async () => {
    await refused(client.logs.fetch({ logLength: -1 }), "logLength");
    await refused(client.logs.fetch({ logLength: 1, limit: 0 }), "limit");
    await refused(client.logs.fetch({ logLength: 1, limit: 1001 }), "limit");
    await refused(client.logs.fetch({ logLength: 1, packages: { "example:greeter": null } }), "packages");
    await refused(client.logs.fetch({ logLength: 1, packages: { [ref.logId]: "token" } }), `packages["${ref.logId}"]`);
  });
});

describe("async methods and bad input", () => {
  it("never throw synchronously: every method hands back a promise that rejects, and nothing is sent", async () => {
    server.requests.length = 0;
    const outcomes = await callWithBadInput(client.records);
    expect(outcomes.filter((o) => o.threw).map((o) => o.call)).toEqual([]);
    for (const { call, rejection } of outcomes) expect(rejection, call).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });
});
