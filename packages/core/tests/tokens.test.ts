// Expiring tokens: a token function is asked once for a fresh token when a real server answers 401.
import { inspect } from "node:util";
import { type LocalServer, readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import { AuthenticationError, InvalidParameterError, type TokenProvider } from "../src/index.js";
import { Runtime } from "../src/internal/index.js";
import { rawBody, sendUpload } from "../src/internal/upload/toolkit.js";
import { testProfile } from "./helpers.js";

const serve = serversPerTest();
let server: LocalServer | undefined;

/** Accepts only `valid()`; anything else is an expired token (401). */
async function expiringServer(valid: () => string) {
  server = await serve((req, res) => {
    readBody(req).then((body) => {
      const ok = req.headers.authorization === `Bearer ${valid()}`;
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(ok ? { ok: true, bytes: body.length } : { message: "token expired" }));
    });
  });
  return server;
}

/** A token function that issues tok-1, tok-2, … and records how it was asked. */
function issuer() {
  const calls: boolean[] = [];
  const provider: TokenProvider = async ({ refresh }) => {
    calls.push(refresh);
    return `tok-${calls.length}`;
  };
  return { provider, calls };
}

describe("token functions", () => {
  it("are asked once up front, then once after a 401, and the request is sent again with the fresh token", async () => {
    let valid = "tok-1";
    const srv = await expiringServer(() => valid);
    const { provider, calls } = issuer();
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off" }, provider);
    expect(await (await runtime.send({ method: "GET", url: "/a" })).json()).toEqual({ ok: true, bytes: 0 });
    valid = "tok-2"; // tok-1 expires
    expect(await (await runtime.send({ method: "POST", url: "/b", body: () => "hello" })).json()).toEqual({
      ok: true,
      bytes: 5,
    });
    expect(calls).toEqual([false, true]);
    expect(srv.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
  });

  it("refresh once for many requests refused together", async () => {
    let valid = "tok-1";
    const srv = await expiringServer(() => valid);
    const { provider, calls } = issuer();
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off" }, provider);
    await runtime.send({ method: "GET", url: "/warm" });
    valid = "tok-2";
    await Promise.all(Array.from({ length: 5 }, (_, i) => runtime.send({ method: "GET", url: `/p${i}` })));
    expect(calls).toEqual([false, true]);
  });

  it("gives up with AuthenticationError when the fresh token is refused too, without leaking either", async () => {
    const srv = await expiringServer(() => "never");
    const { provider, calls } = issuer();
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off" }, provider);
    const error = await runtime.send({ method: "GET", url: "/a" }).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(calls).toEqual([false, true]);
    expect(srv.requests).toHaveLength(2);
    expect(runtime.redact("tok-1 and tok-2")).toBe("*** and ***");
    expect(inspect(error, { depth: 10 })).not.toMatch(/tok-\d/);
  });

  it("a one-shot upload body that was already sent is not sent again after a 401", async () => {
    const srv = await expiringServer(() => "tok-2");
    const { provider, calls } = issuer();
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off" }, provider);
    async function* once() {
      yield new TextEncoder().encode("stream");
    }
    const body = rawBody({ filename: "f", replayable: false, chunks: once });
    const error = await sendUpload(runtime, { method: "PUT", url: "/u", body }).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(srv.requests).toHaveLength(1);
    expect(calls).toEqual([false]);
  });

  it("a plain string token is never refreshed: the 401 is the caller's", async () => {
    const srv = await expiringServer(() => "other");
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off", maxRetries: 0 }, "tok-1");
    await expect(runtime.send({ method: "GET", url: "/a" })).rejects.toBeInstanceOf(AuthenticationError);
    expect(srv.requests).toHaveLength(1);
  });

  it("a function that returns no token fails with InvalidParameterError before any request", async () => {
    const srv = await expiringServer(() => "x");
    const runtime = new Runtime(testProfile, { baseUrl: srv.url, logLevel: "off" }, async () => "");
    const error = await runtime.send({ method: "GET", url: "/a" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.param).toBe("token");
    expect(srv.requests).toHaveLength(0);
  });
});
