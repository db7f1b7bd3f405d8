// The fault suite: a real node:http server misbehaves in every way we know; the runtime must
// retry where safe, raise the right typed error otherwise, never hang, and never leak the token.
import { inspect } from "node:util";
import { type LocalServer, readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../src/index.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadGatewayLike,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
} from "./error-classes.js";
import { capturingRuntime as runtimeOn, TOKEN, transports } from "./helpers.js";

const serve = serversPerTest();
let server: LocalServer | undefined;

/** Answers the n-th request (0-based) with `replies[n]`, the last one thereafter. */
async function scripted(
  replies: Array<(res: import("node:http").ServerResponse, req: import("node:http").IncomingMessage) => void>,
) {
  let n = 0;
  server = await serve((req, res) => {
    const reply = replies[Math.min(n++, replies.length - 1)] as (typeof replies)[number];
    readBody(req).then(() => reply(res, req));
  });
  return server;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: import("node:http").ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const ok = json(200, { ok: true });

function expectNoToken(lines: string[], error?: unknown) {
  for (const text of [...lines, inspect(error, { depth: 10 }), JSON.stringify(error) ?? "", String(error)])
    expect(text).not.toContain(TOKEN);
}

// Every case runs over both transports: node:http (Node's default) and fetch (browsers, Bun,
// Deno, and any client given a fetch, dispatcher or proxy).
describe.each(transports)("over %s", (name, transport) => {
  const capturingRuntime = (url: string, options: ClientOptions = {}) => runtimeOn(url, { ...transport, ...options });

  it("sends through the transport under test", async () => {
    const srv = await scripted([ok]);
    const { runtime } = capturingRuntime(srv.url);
    await runtime.send({ method: "GET", url: "/thing" });
    // undici's fetch marks every request with Sec-Fetch-Mode; node:http sends only what it is given.
    expect(srv.requests[0]?.headers["sec-fetch-mode"]).toBe(name === "fetch" ? "cors" : undefined);
  });

  describe.each([500, 502, 503])("status %i", (status) => {
    it("is retried for a GET until it succeeds", async () => {
      const srv = await scripted([json(status, { message: "boom" }), json(status, { message: "boom" }), ok]);
      const { runtime, lines } = capturingRuntime(srv.url);
      const response = await runtime.send({ method: "GET", url: "/thing" });
      expect(await response.json()).toEqual({ ok: true });
      expect(srv.requests).toHaveLength(3);
      expect(srv.requests[1]?.headers["x-pkgapi-retry-count"]).toBe("1");
      expectNoToken(lines);
    });

    it("gives up after maxRetries with InternalServerError", async () => {
      const srv = await scripted([json(status, { message: "still broken" })]);
      const { runtime, lines } = capturingRuntime(srv.url, { maxRetries: 1 });
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ status, message: expect.stringContaining("still broken") });
      expect(srv.requests).toHaveLength(2);
      expectNoToken(lines, error);
    });

    it("is not retried for a POST (not idempotent)", async () => {
      const srv = await scripted([json(status, { message: "once" }), ok]);
      const { runtime } = capturingRuntime(srv.url);
      const error = await runtime.send({ method: "POST", url: "/thing", body: () => "{}" }).catch((e) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(srv.requests).toHaveLength(1);
    });
  });

  describe("429 with Retry-After", () => {
    it("waits as told (seconds) and retries, even a POST", async () => {
      const srv = await scripted([json(429, { message: "slow down" }, { "retry-after": "1" }), ok]);
      const { runtime, lines } = capturingRuntime(srv.url);
      const response = await runtime.send({ method: "POST", url: "/thing", body: () => "{}" });
      expect(response.status).toBe(200);
      expect(srv.requests).toHaveLength(2);
      expect(lines.some((line) => /retrying POST .* in 1000 ms \(429\)/.test(line))).toBe(true);
    });

    it("accepts an HTTP date and caps long waits at maxRetryAfter", async () => {
      const later = new Date(Date.now() + 3_600_000).toUTCString();
      const srv = await scripted([json(429, { message: "slow down" }, { "retry-after": later }), ok]);
      const { runtime, lines } = capturingRuntime(srv.url, { maxRetryAfter: 50 });
      await runtime.send({ method: "GET", url: "/thing" });
      expect(lines.some((line) => / in 50 ms \(429\)/.test(line))).toBe(true);
    });

    it("surfaces RateLimitError when retries are exhausted", async () => {
      const srv = await scripted([json(429, { message: "slow down" }, { "retry-after": "0" })]);
      const { runtime } = capturingRuntime(srv.url, { maxRetries: 1 });
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toBeInstanceOf(APIError);
      expect(srv.requests).toHaveLength(2);
    });
  });

  describe("broken connections and bodies", () => {
    it("retries a GET whose response is cut off mid-body (connection reset)", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
          res.write('{"partial":');
          setTimeout(() => res.socket?.destroy(), 10);
        },
        ok,
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const response = await runtime.send({ method: "GET", url: "/thing" });
      expect(await response.json()).toEqual({ ok: true });
      expect(srv.requests).toHaveLength(2);
    });

    it("raises APIConnectionError when the reset repeats, with the cause kept", async () => {
      const srv = await scripted([(res) => res.socket?.destroy()]);
      const { runtime, lines } = capturingRuntime(srv.url, { maxRetries: 1 });
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error.cause).toBeDefined();
      expect(srv.requests).toHaveLength(2);
      expectNoToken(lines, error);
    });

    it("times out a slow response, retries, then raises APIConnectionTimeoutError", async () => {
      const srv = await scripted([(res) => setTimeout(() => ok(res), 2_000)]);
      const { runtime, lines } = capturingRuntime(srv.url, { timeout: 100, maxRetries: 1 });
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(srv.requests).toHaveLength(2);
      expectNoToken(lines, error);
    });

    it("raises InvalidResponseError for truncated JSON (complete body, broken document)", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"id": "abc", "metadata": {');
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toMatch(/not valid JSON/);
      expect(srv.requests).toHaveLength(1);
    });

    it("raises InvalidResponseError for a 200 with the wrong content type", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(200, { "content-type": "text/html" });
          res.end("<html>login page</html>");
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toContain("text/html");
    });

    it("hands back a 200 binary answer (a zip) to a JSON-accepting request untouched", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(200, { "content-type": "application/zip" });
          res.end(Buffer.from("PK\x03\x04zip"));
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const response = await runtime.send({ method: "GET", url: "/download" });
      expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("PK\x03\x04zip");
    });

    it("keeps a non-JSON error body as text in a typed error", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(502, { "content-type": "text/html" });
          res.end("<html><body>502 Bad Gateway from the proxy</body></html>");
        },
      ]);
      const { runtime } = capturingRuntime(srv.url, { maxRetries: 0 });
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(error).toBeInstanceOf(BadGatewayLike);
      expect(error.body).toContain("502 Bad Gateway");
      expect(error.detail).toContain("502 Bad Gateway");
    });

    it("never shows the token, even when the server echoes it back", async () => {
      const srv = await scripted([(res, req) => json(401, { message: `bad token ${req.headers.authorization}` })(res)]);
      const { runtime, lines } = capturingRuntime(srv.url);
      const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
      expect(srv.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(error.message).toContain("bad token Bearer ***");
      expectNoToken(lines, error);
      expect(inspect(runtime, { depth: 10 })).not.toContain(TOKEN);
      expect(JSON.stringify(runtime)).not.toContain(TOKEN);
    });
  });

  describe("connections", () => {
    it("keeps the connection for the next call and leaves no timer behind", async () => {
      const ports: Array<number | undefined> = [];
      const srv = await scripted([
        (res, req) => {
          ports.push(req.socket.remotePort);
          ok(res);
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const before = process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
      for (let i = 0; i < 3; i++)
        expect(await (await runtime.send({ method: "GET", url: "/thing" })).json()).toEqual({ ok: true });
      // Kept alive (undici's fetch may open a second one while it releases the first).
      expect(new Set(ports).size).toBeLessThan(3);
      expect(process.getActiveResourcesInfo().filter((name) => name === "Timeout").length).toBeLessThanOrEqual(before);
    });

    it("raises APIConnectionError for a status no Response can carry (600)", async () => {
      const srv = await scripted([
        (res) => {
          res.writeHead(600, { "content-type": "application/json" });
          res.end("{}");
        },
      ]);
      const { runtime } = capturingRuntime(srv.url, { maxRetries: 0 });
      await expect(runtime.send({ method: "GET", url: "/thing" })).rejects.toBeInstanceOf(APIConnectionError);
    });

    it("decodes a gzip answer, as fetch does", async () => {
      const { gzipSync } = await import("node:zlib");
      const srv = await scripted([
        (res, req) => {
          expect(req.headers["accept-encoding"]).toContain("gzip");
          res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
          res.end(gzipSync(JSON.stringify({ packed: true })));
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      expect(await (await runtime.send({ method: "GET", url: "/thing" })).json()).toEqual({ packed: true });
    });
  });

  describe("caller control", () => {
    it("stops at once on the caller's AbortSignal, without retrying", async () => {
      const controller = new AbortController();
      // Abort once the request has arrived (a fixed delay could fire before it does, under load).
      const srv = await scripted([
        (res) => {
          controller.abort();
          setTimeout(() => ok(res), 5_000);
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const pending = runtime.send({ method: "GET", url: "/thing" }, { signal: controller.signal });
      await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
      expect(srv.requests).toHaveLength(1);
    });

    it("uses the per-call timeout and maxRetries over the client's", async () => {
      const srv = await scripted([(res) => setTimeout(() => ok(res), 1_000)]);
      const { runtime } = capturingRuntime(srv.url, { timeout: 30_000, maxRetries: 5 });
      await expect(
        runtime.send({ method: "GET", url: "/thing" }, { timeout: 50, maxRetries: 0 }),
      ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
      expect(srv.requests).toHaveLength(1);
    });

    it("retries a refused connection even for a POST (nothing was sent)", async () => {
      const { runtime } = capturingRuntime("http://127.0.0.1:9", { maxRetries: 1 });
      const error = await runtime.send({ method: "POST", url: "/thing", body: () => "{}" }).catch((e) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
    });
  });

  describe("redirects", () => {
    it("follows a redirect to another origin without the credential", async () => {
      const blobstore = await serve((_req, res) => ok(res));
      const srv = await scripted([
        (res) => {
          res.writeHead(302, { location: `${blobstore.url}/blob?sig=1` });
          res.end();
        },
      ]);
      const { runtime } = capturingRuntime(srv.url);
      const response = await runtime.send({ method: "GET", url: "/download" });
      expect(response.status).toBe(200);
      expect(srv.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(blobstore.requests).toHaveLength(1);
      expect(blobstore.requests[0]?.headers.authorization).toBeUndefined();
      await blobstore.close();
    });
  });
});
