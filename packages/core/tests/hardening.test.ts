// Nothing leaks, nothing hangs (issue 15): each case is a fault or bad input served by a real
// node:http server, and each failed before the fix it guards.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, truncateSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { type LocalServer, readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it, vi } from "vitest";
import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InvalidParameterError,
  InvalidResponseError,
  WaitTimeoutError,
} from "../src/index.js";
import { download, type OpenedSource, openapiClient, pollUntil, Runtime } from "../src/internal/index.js";
import { multipart, openSource, rawBody, sendUpload } from "../src/internal/upload/toolkit.js";
import { capturingRuntime, TOKEN, testProfile } from "./helpers.js";

const serve = serversPerTest();
let server: LocalServer | undefined;

const dir = mkdtempSync(join(tmpdir(), "pkgapi-hardening-"));
function tempFile(name: string, size: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(size, 7));
  return path;
}
const openFds = () => readdirSync("/proc/self/fd").length;
const timers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;

function expectNoToken(error: unknown, token = TOKEN) {
  for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error) ?? "", String(error)])
    expect(text).not.toContain(token);
}

describe("leaks and hangs", () => {
  it.each(["reset", "timeout", "abort"] as const)(
    "closes the file of every failed upload attempt (%s, with retries): open fds back to the start",
    async (fault) => {
      let received = () => {};
      server = await serve((req) => {
        req.once("data", () => {
          received();
          // Take a little of the body, then reset the connection, or stall.
          if (fault === "reset") req.socket.destroy();
          else req.pause();
        });
      });
      const { runtime } = capturingRuntime(server.url, { maxRetries: 1, timeout: 300 });
      const path = tempFile(`${fault}.bin`, 8 * 1024 * 1024);
      const before = openFds();
      for (let i = 0; i < 4; i++) {
        const file = await openSource("file", path);
        const controller = new AbortController();
        if (fault === "abort") received = () => controller.abort();
        const error = await sendUpload(
          runtime,
          { method: "PUT", url: "/upload", body: rawBody(file) },
          { signal: controller.signal },
        ).catch((e) => e);
        expect(error.name).toBe(
          { reset: "APIConnectionError", timeout: "APIConnectionTimeoutError", abort: "APIUserAbortError" }[fault],
        );
      }
      expect(server.requests.length).toBe(fault === "abort" ? 4 : 8);
      await server.close(); // the server's own sockets count too
      await vi.waitFor(() => expect(openFds()).toBeLessThanOrEqual(before));
    },
  );

  it("clears the 100-continue fallback timer when the connection fails while waiting: no timer, no file opened", async () => {
    server = await serve(() => {}, { onCheckContinue: (req) => req.socket.destroy() });
    const { runtime } = capturingRuntime(server.url, { maxRetries: 0 });
    let opened = 0;
    const file: OpenedSource = {
      size: 3,
      filename: "a.bin",
      replayable: true,
      async *chunks() {
        opened++;
        yield new Uint8Array(3);
      },
    };
    const before = timers();
    const error = await sendUpload(
      runtime,
      { method: "POST", url: "/upload", body: rawBody(file) },
      { expectContinue: true, expectTimeout: 200 },
    ).catch((e) => e);
    expect(error.name).toBe("APIConnectionError");
    expect(timers()).toBeLessThanOrEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(opened).toBe(0);
  });

  it("clears the 100-continue fallback timer when the caller aborts while waiting", async () => {
    let resolveSeen = () => {};
    const seen = new Promise<void>((resolve) => {
      resolveSeen = resolve;
    });
    server = await serve(() => {}, { onCheckContinue: () => resolveSeen() });
    const { runtime } = capturingRuntime(server.url);
    const body = multipart([{ name: "a", value: "b" }]);
    const before = timers();
    const controller = new AbortController();
    const pending = sendUpload(
      runtime,
      { method: "POST", url: "/upload", body },
      { expectContinue: true, expectTimeout: 20_000, signal: controller.signal },
    );
    await seen;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("leaves nothing keeping the process alive after an upload fails while waiting for 100 Continue (a child process exits)", async () => {
    server = await serve(() => {}, { onCheckContinue: (req) => req.socket.destroy() });
    // The built package, as an app uses it; the fallback timer (60 s) would hold the process.
    const script = `
      import { Runtime, loadUploads } from ${JSON.stringify(new URL("../dist/internal/index.js", import.meta.url).href)};
      const { sendUpload, rawBody, openSource } = await loadUploads();
      const runtime = new Runtime({ name: "@pkgapi/test", version: "0", errorMessage: () => ({}) }, { baseUrl: process.argv[1], maxRetries: 0 });
      const file = await openSource("file", new Uint8Array(10));
      const error = await sendUpload(runtime, { method: "POST", url: "/upload", body: rawBody(file) }, { expectContinue: true, expectTimeout: 60_000 }).catch((e) => e);
      console.log(error.name);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, server.url], {
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 20_000,
    }); // killed if it hangs
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(output.trim()).toBe("APIConnectionError");
    expect(code).toBe(0);
  });

  it("leaves nothing keeping the process alive after a JSON call on Node's default transport (a child process exits)", async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", connection: "keep-alive" });
      res.end('{"ok":true}');
    });
    // The connection stays open on the server's side; the client's kept-alive socket must not hold the process.
    const script = `
      import { Runtime } from ${JSON.stringify(new URL("../dist/internal/index.js", import.meta.url).href)};
      const runtime = new Runtime({ name: "@pkgapi/test", version: "0", errorMessage: () => ({}) }, { baseUrl: process.argv[1] });
      console.log(JSON.stringify(await (await runtime.send({ method: "GET", url: "/thing" })).json()));`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, server.url], {
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 20_000,
    }); // killed if it hangs
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(output.trim()).toBe('{"ok":true}');
    expect(code).toBe(0);
  });

  it("times out a download whose body stalls mid-stream (idle timeout between chunks)", async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/zip", "content-length": "1000" });
      res.write(Buffer.alloc(100)); // then nothing more
    });
    const { runtime } = capturingRuntime(server.url, { timeout: 300 });
    const { stream } = await download(runtime, "/bits");
    const error = await new Response(stream).arrayBuffer().catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("fails an upload whose file changed size after it was opened, at once and without retrying", async () => {
    server = await serve(async (req, res) => {
      await readBody(req).catch(() => undefined);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const { runtime } = capturingRuntime(server.url, { timeout: 5_000 });
    // Larger than one read (2 MiB), so that the request has started when the change is found.
    for (const [name, size] of [
      ["shrunk.bin", 3 * 1024 * 1024],
      ["grown.bin", 6 * 1024 * 1024],
    ] as const) {
      const path = tempFile(name, 5 * 1024 * 1024);
      const file = await openSource("file", path);
      truncateSync(path, size);
      const error = await sendUpload(runtime, { method: "PUT", url: "/upload", body: rawBody(file) }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.message).toMatch(/`file`: changed size while it was read/);
    }
    expect(server.requests).toHaveLength(2);
  });
});

describe("waiters", () => {
  it.each([
    ["hangs", (_req: IncomingMessage, _res: ServerResponse) => {}],
    [
      "keeps answering 503 with Retry-After",
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(503, { "retry-after": "1" }).end(),
    ],
  ])("gives up at the deadline when every poll %s (no retry past it)", async (_, handler) => {
    server = await serve(handler);
    const { runtime } = capturingRuntime(server.url, { maxRetries: 5 });
    const before = timers();
    const error = await pollUntil(
      "Thing",
      (msLeft, signal) => runtime.send({ method: "GET", url: "/thing" }, { signal, timeout: msLeft }),
      () => false,
      { waitTimeout: 300 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe("Thing did not settle within 300 ms");
    expect(server.requests).toHaveLength(1);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("gives up at the deadline even when the poll ignores the signal", async () => {
    server = await serve(() => {});
    const { runtime } = capturingRuntime(server.url, { maxRetries: 0 });
    const error = await pollUntil(
      "Thing",
      () => runtime.send({ method: "GET", url: "/thing" }, { timeout: 20_000 }),
      () => false,
      { waitTimeout: 300 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
  });
});

describe("secrets", () => {
  it("removes an echoed token from statusText and from the headers an APIError keeps", async () => {
    server = await serve((_req, res) => {
      res.writeHead(401, `Bad token ${TOKEN}`, { "content-type": "text/plain", "x-echo": `Bearer ${TOKEN}` }).end();
    });
    const { runtime } = capturingRuntime(server.url);
    const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toContain("Bad token ***");
    expect(error.headers.get("x-echo")).toBe("Bearer ***");
    expectNoToken(error);
  });

  it("removes an echoed token from a quoted Content-Type and from the headers an InvalidResponseError keeps", async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": `text/html; echo=${TOKEN}`, "x-echo": TOKEN }).end("<html>login</html>");
    });
    const { runtime } = capturingRuntime(server.url);
    const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("echo=***");
    expectNoToken(error);
  });

  it("does not quote a malformed JSON body (JSON.parse's message would show part of an echoed token)", async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(`${TOKEN} is wrong`);
    });
    const { runtime } = capturingRuntime(server.url);
    const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("body is not valid JSON");
    expect(error.message).not.toContain(TOKEN.slice(0, 6));
  });

  it("redacts a short token only where it stands alone, leaving other text intact", async () => {
    server = await serve((_req, res) => {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ message: "token t is not valid" }));
    });
    const runtime = new Runtime(testProfile, { baseUrl: server.url, logLevel: "off" }, "t");
    const error = await runtime.send({ method: "GET", url: "/thing" }).catch((e) => e);
    expect(error.message).toContain(`${server.url}/thing`);
    expect(error.message).toContain("token *** is not valid");
  });

  it("refuses a token a header cannot carry (CR/LF, control characters) without quoting it", async () => {
    server = await serve((_req, res) => res.writeHead(200).end("{}"));
    for (const token of ["abc\r\nx-evil: 1", "abc\ndef", "abc\0def", "tökén"]) {
      let error: unknown;
      try {
        new Runtime(testProfile, { baseUrl: server.url }, token);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error).toMatchObject({ param: "token" });
      expectNoToken(error, token);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("correctness", () => {
  it("keeps the base URL's path for uploads and downloads (an API gateway)", async () => {
    server = await serve(async (req, res) => {
      await readBody(req);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const { runtime } = capturingRuntime(`${server.url}/gw/fastly`);
    await sendUpload(runtime, {
      method: "PUT",
      url: "/service/x/package",
      body: rawBody(await openSource("file", new Uint8Array(4))),
    });
    await new Response((await download(runtime, "/v3/packages/g/download")).stream).arrayBuffer();
    await runtime.send({ method: "GET", url: "/service/x" });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/gw/fastly/service/x/package",
      "/gw/fastly/v3/packages/g/download",
      "/gw/fastly/service/x",
    ]);
  });

  it.each([
    ["an empty body", ""],
    ["null", "null"],
  ])("gives InvalidResponseError for a 200 JSON answer with %s", async (_, body) => {
    server = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    const { runtime } = capturingRuntime(server.url);
    await expect(runtime.send({ method: "GET", url: "/thing" })).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("follows a same-origin 307 and 308 with a replayable JSON body, sending the body again", async () => {
    const bodies: string[] = [];
    server = await serve(async (req, res) => {
      bodies.push((await readBody(req)).toString());
      if (req.url === "/old") res.writeHead(307, { location: "/older" }).end();
      else if (req.url === "/older") res.writeHead(308, { location: "/new" }).end();
      else res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
    });
    const { runtime } = capturingRuntime(server.url);
    const response = await runtime.fetch()(`${server.url}/old`, {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", "/old"],
      ["POST", "/older"],
      ["POST", "/new"],
    ]);
    expect(bodies).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it("refuses `.` and `..` as path parameters of the raw openapi-fetch client, as the facades do", async () => {
    server = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    type Paths = {
      "/items/{id}": {
        get: { parameters: { path: { id: string } }; responses: { 200: { content: { "application/json": object } } } };
      };
    };
    const { runtime } = capturingRuntime(`${server.url}/api`);
    const raw = openapiClient<Paths>(runtime, false);
    for (const id of [".", "..", "%2e%2E"]) {
      await expect(raw.GET("/items/{id}", { params: { path: { id } } })).rejects.toThrow(InvalidParameterError);
    }
    await raw.GET("/items/{id}", { params: { path: { id: "a.b" } } });
    expect(server.requests.map((r) => r.url)).toEqual(["/api/items/a.b"]);
  });

  it.each([
    ["timeout", -1],
    ["timeout", Number.NaN],
    ["timeout", Number.POSITIVE_INFINITY],
    ["timeout", "5000"],
    ["maxRetries", 1.5],
    ["maxRetries", -1],
    ["maxRetryAfter", Number.NaN],
    ["maxRetryAfter", null],
  ])("refuses the client option %s = %s at construction, and per call", async (name, value) => {
    server = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    expect(() => new Runtime(testProfile, { baseUrl: server?.url, [name]: value })).toThrow(InvalidParameterError);
    expect(() => new Runtime(testProfile, { baseUrl: server?.url, [name]: value })).toThrow(`\`${name}\``);
    if (name !== "maxRetryAfter") {
      const { runtime } = capturingRuntime(server.url);
      await expect(runtime.send({ method: "GET", url: "/thing" }, { [name]: value })).rejects.toThrow(
        InvalidParameterError,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("warns once through the logger when the token would go over plain http to a non-loopback host", async () => {
    server = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} };
    const local = new Runtime(testProfile, { baseUrl: server.url, logger }, TOKEN);
    await local.send({ method: "GET", url: "/thing" });
    expect(warnings).toEqual([]);
    new Runtime(testProfile, { baseUrl: "http://registry.example.com/v1", logger }, TOKEN);
    new Runtime(testProfile, { baseUrl: "https://registry.example.com/v1", logger }, TOKEN);
    new Runtime(testProfile, { baseUrl: "http://registry.example.com/v1", logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/plain http:\/\/ to registry\.example\.com/);
    expect(warnings[0]).not.toContain(TOKEN);
  });
});
