// Helpers for tests that talk to real local servers (never a stubbed fetch).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

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
 * Reads a request body whole.
 * @param {AsyncIterable<Buffer>} req
 */
export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Splits a multipart/form-data body into `{ name, filename, contentType, data }` parts.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {Array<{ name?: string, filename?: string, contentType?: string, data: Buffer }>}
 */
export function parseMultipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? "");
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after delimiter and before next
    const split = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, split).toString();
    const disposition = /name="([^"]*)"(?:; filename="([^"]*)")?/.exec(head);
    parts.push({
      name: disposition?.[1],
      filename: disposition?.[2],
      contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1],
      data: chunk.subarray(split + 4),
    });
    start = next;
  }
  return parts;
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
