// What the facade puts on the wire, seen by a real local server.
import type { IncomingMessage, ServerResponse } from "node:http";
import { localServer, readBody } from "@pkgapi/testing";
import { afterEach, describe, expect, it } from "vitest";
import { BadRequestError, createWargClient, logIdFor } from "../src/index.js";
import { createConfiguration, PackageApi } from "../src/sdk.js";

const ref = {
  logId: "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f",
  recordId: "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce",
};
const processing = { recordId: ref.recordId, state: "processing" };
const record = {
  keyId: "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
  signature: "ecdsa-p256:MEUCIQCOP+FWh+/VNJbn",
};

let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(() => server?.close());

/** Answers `status` with `body` and keeps every request body. */
async function answering(status: number, body: unknown) {
  const bodies: unknown[] = [];
  server = await localServer(async (req: IncomingMessage, res: ServerResponse) => {
    const text = (await readBody(req)).toString();
    bodies.push(text ? JSON.parse(text) : undefined);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return { server, bodies };
}

describe("the warg client", () => {
  it("publishes to the log derived from the package name, with bytes base64-encoded and no empty contentSources", async () => {
    const { server, bodies } = await answering(202, processing);
    const { records } = createWargClient({ baseUrl: `${server.url}/v1` });
    const contentBytes = Uint8Array.from([0x1a, 0x0b, 0x08, 0xc0, 0xf8, 0x89, 0xc3, 0x06]);
    await expect(
      records.publish({ packageName: "example:greeter", record: { ...record, contentBytes }, contentSources: {} }),
    ).resolves.toEqual(processing);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: `/v1/package/${await logIdFor("example:greeter")}/record`,
      headers: { "content-type": "application/json" },
    });
    expect(bodies[0]).toEqual({ packageName: "example:greeter", record: { ...record, contentBytes: "GgsIwPiJwwY=" } });
  });

  it("sends content sources when there are any", async () => {
    const { server, bodies } = await answering(202, processing);
    const contentSources = {
      [ref.recordId]: [{ type: "httpGet" as const, url: "https://cdn.example.com/greeter.wasm", size: 8 }],
    };
    await createWargClient({ baseUrl: `${server.url}/v1` }).records.publish({
      packageName: "example:greeter",
      record: { ...record, contentBytes: "GgsI" },
      contentSources,
    });
    expect(bodies[0]).toMatchObject({ contentSources });
  });

  it("sends the token as a bearer token from all three clients, and nothing without one", async () => {
    const { server } = await answering(200, processing);
    const options = { baseUrl: `${server.url}/v1`, token: "hosted-registry-token" };
    const { records, raw } = createWargClient(options);
    await records.get(ref);
    await raw.GET("/package/{logId}/record/{recordId}", { params: { path: ref } });
    await new PackageApi(createConfiguration(options)).getPackageRecord(ref);
    await createWargClient({ baseUrl: options.baseUrl }).records.get(ref);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      ...Array(3).fill("Bearer hosted-registry-token"),
      undefined,
    ]);
  });

  it("refuses an empty token", () => {
    expect(() => createWargClient({ token: "" })).toThrow(/`token`/);
    expect(() => createConfiguration({ token: " " })).toThrow(/`token`/);
  });

  it("keeps the token out of error messages", async () => {
    const { server } = await answering(400, { status: 400, message: "bad token hosted-registry-token" });
    const failure = await createWargClient({
      baseUrl: `${server.url}/v1`,
      token: "hosted-registry-token",
      maxRetries: 0,
    })
      .records.get(ref)
      .catch((e) => e);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect(failure.message).toMatch(/^400 bad token \*\*\* \(GET /);
  });

  it("defaults to warg-server on localhost:8090", () => {
    expect(createConfiguration().basePath).toBe("http://localhost:8090/v1");
  });
});
