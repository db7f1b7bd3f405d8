// Where the Fastly token comes from: the option, a function, or FASTLY_API_TOKEN as Fastly's own tools read it.

import { localServer } from "@pkgapi/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createFastlyClient, InvalidParameterError } from "../src/index.js";

type Server = Awaited<ReturnType<typeof localServer>>;
let server: Server | undefined;
const saved = process.env.FASTLY_API_TOKEN;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (saved === undefined) delete process.env.FASTLY_API_TOKEN;
  else process.env.FASTLY_API_TOKEN = saved;
});

const ref = { serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1 };

async function fastly(valid: () => string) {
  server = await localServer((req, res) => {
    const ok = req.headers["fastly-key"] === valid();
    res
      .writeHead(ok ? 200 : 401, { "content-type": "application/json" })
      .end(JSON.stringify(ok ? { id: "pkg1" } : { msg: "Provided credentials are missing or invalid" }));
  });
  return server;
}

describe("token", () => {
  it("defaults to FASTLY_API_TOKEN when no token is given", async () => {
    const srv = await fastly(() => "from-env");
    process.env.FASTLY_API_TOKEN = "from-env";
    const client = createFastlyClient({ baseUrl: srv.url });
    expect((await client.packages.get(ref)).id).toBe("pkg1");
    expect(srv.requests[0]?.headers["fastly-key"]).toBe("from-env");
  });

  it("an explicit token wins over FASTLY_API_TOKEN", async () => {
    const srv = await fastly(() => "explicit");
    process.env.FASTLY_API_TOKEN = "from-env";
    await createFastlyClient({ token: "explicit", baseUrl: srv.url }).packages.get(ref);
    expect(srv.requests.map((r) => r.headers["fastly-key"])).toEqual(["explicit"]);
  });

  it("without either, fails naming the token and the variable", () => {
    delete process.env.FASTLY_API_TOKEN;
    const error = (() => {
      try {
        createFastlyClient();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(String(error)).toContain("FASTLY_API_TOKEN");
  });

  it("may be a function, asked again after a 401", async () => {
    let valid = "t1";
    const srv = await fastly(() => valid);
    let n = 0;
    const client = createFastlyClient({ token: () => `t${++n}`, baseUrl: srv.url });
    await client.packages.get(ref);
    valid = "t2";
    await client.packages.get(ref);
    expect(srv.requests.map((r) => r.headers["fastly-key"])).toEqual(["t1", "t1", "t2"]);
  });
});
