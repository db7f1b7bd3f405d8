// Helpers for tests that talk to real local servers (never a stubbed fetch).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/**
 * Starts a `node:http` server on a free port. `handler` gets every request; the returned
 * object lists the requests seen (method, url, headers) and closes the server on `close()`.
 */
/**
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} handler
 * @param {{ onCheckContinue?: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void }} [options]
 */
export async function localServer(handler, { onCheckContinue } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    handler(req, res);
  });
  if (onCheckContinue) {
    server.on("checkContinue", (req, res) => {
      requests.push({ method: req.method, url: req.url, headers: req.headers });
      onCheckContinue(req, res);
    });
  }
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Local servers for the tests of a file, closed after each test:
 * `const serve = serversPerTest();` then `const server = await serve(handler)` in a test.
 * @returns {typeof localServer}
 */
export function serversPerTest() {
  /** @type {Array<{ close(): Promise<void> }>} */
  const open = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (...args) => {
    const server = await localServer(...args);
    open.push(server);
    return server;
  };
}

/**
 * Reads a request body whole.
 * @param {AsyncIterable<Buffer>} req
 */
export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * @typedef {{ head: string, name?: string, filename?: string, contentType?: string, size: number, sha1: string, data: Buffer }} ReceivedPart
 * A part of a multipart/form-data body: its head, what the head names, its size and SHA-1, and
 * its bytes (the first `keep` of them).
 */

/**
 * Reads a multipart/form-data body chunk by chunk and hashes each part, holding back only the
 * bytes that might begin the next boundary (a 200 MB upload need never be in memory).
 */
class MultipartReader {
  /** @param {string | undefined} contentType @param {number} keep */
  constructor(contentType, keep) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? "");
    if (!boundary) throw new Error(`not multipart: ${contentType}`);
    this.delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
    this.keep = keep;
    /** @type {ReceivedPart[]} */
    this.parts = [];
    this.state = "preamble";
    this.pending = Buffer.from("\r\n"); // so that the first boundary looks like every later one
    this.part = undefined;
  }

  /** @param {Buffer} data */
  take(data) {
    const part = this.part;
    if (!part || !data.length) return;
    part.hash.update(data);
    if (part.size < this.keep) part.kept.push(data.subarray(0, this.keep - part.size));
    part.size += data.length;
  }

  /** @param {Buffer} chunk */
  push(chunk) {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (let progress = true; progress; ) {
      progress = false;
      if (this.state === "preamble" || this.state === "body") {
        const at = this.pending.indexOf(this.delimiter);
        if (at === -1) {
          const keep = Math.max(0, this.pending.length - this.delimiter.length + 1);
          if (this.state === "body") this.take(this.pending.subarray(0, keep));
          this.pending = this.pending.subarray(keep);
        } else {
          if (this.state === "body") {
            this.take(this.pending.subarray(0, at));
            this.finish();
          }
          this.pending = this.pending.subarray(at + this.delimiter.length);
          this.state = "afterDelimiter";
          progress = true;
        }
      } else if (this.state === "afterDelimiter" && this.pending.length >= 2) {
        this.state = this.pending.subarray(0, 2).toString() === "--" ? "done" : "head";
        this.pending = this.pending.subarray(2);
        progress = this.state === "head";
      } else if (this.state === "head") {
        const end = this.pending.indexOf("\r\n\r\n");
        if (end !== -1) {
          this.part = { head: this.pending.subarray(0, end).toString(), size: 0, hash: createHash("sha1"), kept: [] };
          this.pending = this.pending.subarray(end + 4);
          this.state = "body";
          progress = true;
        }
      }
    }
  }

  finish() {
    const { head, size, hash, kept } = this.part;
    const disposition = /name="([^"]*)"(?:; filename="([^"]*)")?/.exec(head);
    const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1];
    const data = Buffer.concat(kept);
    this.parts.push({
      head,
      name: disposition?.[1],
      filename: disposition?.[2],
      contentType,
      size,
      sha1: hash.digest("hex"),
      data,
    });
    this.part = undefined;
  }

  /** @returns {ReceivedPart[]} */
  end() {
    if (this.state !== "done") throw new Error(`multipart body ended early (in ${this.state})`);
    return this.parts;
  }
}

/**
 * Splits a whole multipart/form-data body into its parts.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {ReceivedPart[]}
 */
export function parseMultipart(body, contentType) {
  const reader = new MultipartReader(contentType, Number.POSITIVE_INFINITY);
  reader.push(body);
  return reader.end();
}

/**
 * Reads a request's multipart/form-data body as it streams in, keeping the first 64 KiB of each part.
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<{ parts: ReceivedPart[], bytes: number }>}
 */
export async function receiveMultipart(req, keep = 65536) {
  const reader = new MultipartReader(req.headers["content-type"], keep);
  let bytes = 0;
  for await (const chunk of req) {
    bytes += chunk.length;
    reader.push(chunk);
  }
  return { parts: reader.end(), bytes };
}

/**
 * A typescript-fetch pre-middleware that adds headers to a request (this generator version has
 * no per-call init overrides): `sdk.withPreMiddleware(withHeaders({ prefer: "code=404" }))`.
 * @param {Record<string, string>} headers
 */
export function withHeaders(headers) {
  /** @param {{ url: string, init: RequestInit }} context */
  return async ({ url, init }) => ({
    url,
    init: { ...init, headers: { .../** @type {Record<string, string>} */ (init.headers), ...headers } },
  });
}

/** Builds a real Compute-style package: a .tar.gz with fastly.toml and bin/main.wasm. */
export function buildTarGz(name = "test-package", wasmBytes = 4096) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-pkg-"));
  const pkg = path.join(dir, name);
  mkdirSync(path.join(pkg, "bin"), { recursive: true });
  writeFileSync(
    path.join(pkg, "fastly.toml"),
    `manifest_version = 3\nname = "${name}"\nlanguage = "rust"\nauthors = ["oss@fastly.com"]\n`,
  );
  const wasm = Buffer.alloc(wasmBytes);
  Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]).copy(wasm);
  for (let i = 8; i < wasm.length; i++) wasm[i] = (i * 31) % 251;
  writeFileSync(path.join(pkg, "bin", "main.wasm"), wasm);
  const file = path.join(dir, `${name}.tar.gz`);
  execFileSync("tar", ["-czf", file, "-C", dir, name]);
  return { path: file, bytes: readFileSync(file) };
}

/**
 * The path-parameter property: 1,000 generated values (valid ones from `valid`, arbitrary and
 * hostile strings) for one parameter. Each must either be rejected with an
 * `InvalidParameterError` naming `param` before any request, or reach `server` inside the path
 * segment that `path` (a regex with one group for the parameter) captures, decoding to itself.
 * @param {{ server: Awaited<ReturnType<typeof localServer>>, param: string, valid: import("fast-check").Arbitrary<string>,
 *   path: RegExp, call: (value: string) => PromiseLike<unknown>, InvalidParameterError: Function }} options
 */
export async function assertPathParameter({ server, param, valid, path, call, InvalidParameterError }) {
  const fc = (await import("fast-check")).default;
  const hostile = fc.constantFrom("..", ".", "a/b", "a?b", "a#b", "%2e%2e", "%2F", "", " ", "a\nb");
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(valid, fc.string(), fc.string({ unit: "binary" }), hostile), async (value) => {
      const before = server.requests.length;
      const outcome = await Promise.resolve(call(value)).catch((error) => error);
      if (outcome instanceof InvalidParameterError) {
        if (outcome.param !== param) throw new Error(`rejected naming ${outcome.param}, expected ${param}`);
        if (server.requests.length !== before)
          throw new Error(`${JSON.stringify(value)} was rejected after a request was sent`);
        return;
      }
      const url = server.requests.at(-1)?.url ?? "";
      const segment = path.exec(url)?.[1];
      if (segment === undefined || decodeURIComponent(segment) !== value)
        throw new Error(`${JSON.stringify(value)} arrived as ${url}`);
      accepted++;
    }),
    { numRuns: 1000 },
  );
  // Both outcomes must have been exercised, or the property proves little.
  if (accepted === 0) throw new Error(`no generated ${param} was accepted`);
}

/**
 * Calls every method of a facade resource with bad input (`null`, a number) and reports, per
 * call, whether it threw synchronously and what its promise rejected with. Async methods must
 * never throw synchronously: callers chain `.catch` on them.
 * @param {object} resource
 * @returns {Promise<Array<{ call: string, threw: boolean, rejection?: unknown }>>}
 */
export async function callWithBadInput(resource) {
  const names = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter(
    (name) => name !== "constructor" && typeof resource[name] === "function",
  );
  const outcomes = [];
  for (const name of names) {
    for (const args of [[null], [42, 42]]) {
      const call = `${name}(${args.map(String).join(", ")})`;
      let result;
      try {
        result = resource[name](...args);
      } catch {
        outcomes.push({ call, threw: true });
        continue;
      }
      const rejection = await Promise.resolve(result).then(
        () => undefined,
        (error) => error,
      );
      outcomes.push({ call, threw: false, rejection });
    }
  }
  return outcomes;
}

/**
 * A forward proxy on a free loopback port, as corporate proxies work: `CONNECT host:port`
 * tunnels and absolute-form `GET http://host/path` requests. It counts what passes through:
 * `requests` (one entry per CONNECT or forwarded request, its target) and `bytesUp`/`bytesDown`.
 */
export async function forwardProxy() {
  const net = await import("node:net");
  const stats = { requests: [], bytesUp: 0, bytesDown: 0 };
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    return socket;
  };
  const server = http.createServer((req, res) => {
    stats.requests.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "/");
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on("data", (chunk) => {
        stats.bytesDown += chunk.length;
      });
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.on("data", (chunk) => {
      stats.bytesUp += chunk.length;
    });
    req.pipe(upstream);
  });
  server.on("connection", track);
  server.on("connect", (req, client, head) => {
    stats.requests.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? "").split(":");
    const upstream = track(
      net.connect(Number(port), host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        if (head.length) upstream.write(head);
        client.on("data", (chunk) => {
          stats.bytesUp += chunk.length;
        });
        upstream.on("data", (chunk) => {
          stats.bytesDown += chunk.length;
        });
        upstream.pipe(client);
        client.pipe(upstream);
      }),
    );
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
