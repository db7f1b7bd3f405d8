// The generated SDK (typescript-fetch 7.x) on the pkgapi runtime, against a real local node:http server.

import { serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import { APIUserAbortError, AuthenticationError } from "../src/index.js";
import { createConfiguration, PackageApi } from "../src/sdk.js";

const serve = serversPerTest();
type Server = Awaited<ReturnType<typeof serve>>;
let server: Server | undefined;

const token = "fastly-sdk-token-do-not-leak";
const ref = { serviceId: "SU1Z0isxPaozGVKXdv0eY", versionId: 3 };

async function api(status = 200) {
  server = await serve((_req, res) =>
    res
      .writeHead(status, { "content-type": "application/json" })
      .end(
        JSON.stringify(
          status === 200
            ? { id: "pkg1", created_at: "2024-05-24T20:12:52Z" }
            : { msg: "Provided credentials are missing or invalid" },
        ),
      ),
  );
  return new PackageApi(createConfiguration({ token, baseUrl: server.url, maxRetries: 0 }));
}

describe("the generated SDK", () => {
  it("sends per-call initOverrides (here a function that adds a header) through the runtime", async () => {
    const sdk = await api();
    const pkg = await sdk.getPackage(ref, async ({ init }) => ({
      headers: { ...(init.headers as Record<string, string>), "x-trace": "t1" },
    }));
    expect(pkg).toEqual({ id: "pkg1", created_at: "2024-05-24T20:12:52Z" });
    expect(server?.requests).toHaveLength(1);
    expect(server?.requests[0]?.headers).toMatchObject({ "x-trace": "t1", "fastly-key": token });
  });

  it("honours a per-call AbortSignal: an aborted call rejects with APIUserAbortError and sends nothing", async () => {
    const sdk = await api();
    const controller = new AbortController();
    controller.abort();
    await expect(sdk.getPackage(ref, { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server?.requests).toHaveLength(0);
  });

  it("throws the runtime's typed errors, not the generator's FetchError or ResponseError", async () => {
    const sdk = await api(401);
    const error = await sdk.getPackage(ref).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
  });
});
