// The local API every benchmark talks to, run in its own process so that its CPU and memory
// are never counted in the client's figures. Prints {"port":N} on its first stdout line.
//   GET  Fastly package, CF package list, warg record: canned realistic JSON.
//   PUT  Fastly package, POST CF upload, POST /sink: discard the body, count its bytes (the Fastly
//        answer's hashsum is the X-Bench-Hashsum request header).
//   Any Fastly URL with service id "Reject401": 401 at once, before asking for the body.
//   GET  /many/v3/packages: a CF list of 10,000 packages in 200 pages of 50 (the iteration benchmark).
//   GET  /__stats: body bytes per upload since the last call (waits for uploads in flight).
import http from "node:http";

const json = (value) => Buffer.from(JSON.stringify(value));

// Shapes and values from the recorded Fastly fixtures (shared/reference/fastly.md 2.4).
const FASTLY_PACKAGE = json({
  created_at: "2024-05-24T20:12:52Z",
  deleted_at: null,
  updated_at: "2024-05-24T20:12:52Z",
  metadata: {
    name: "test-package",
    description: "An empty starter kit project template.",
    authors: ["<oss@fastly.com>"],
    language: "rust",
    size: 1540845,
    hashsum: "ecc068ef".padEnd(128, "0"),
    files_hash: "75ff1cf4".padEnd(128, "a"),
    cloned_from: "https://github.com/fastly/compute-starter-kit-rust-empty",
  },
  service_id: "SU1Z0isxPaozGVKXdv0eY",
  version: 2,
  id: "ET9AMPS47ntJazcce7f0W7",
});
// The PUT answer. Fastly's `hashsum` (SHA-512 of the package) is whatever the client announced in
// X-Bench-Hashsum (computed by the bench from the file, not from what arrived): the facade's check
// compares it with the digest it computed while sending, so a wrong digest fails the run.
const fastlyStored = (hashsum) =>
  json({
    service_id: "SU1Z0isxPaozGVKXdv0eY",
    version: 2,
    id: "ET9AMPS47ntJazcce7f0W7",
    metadata: { name: "test-package", ...(hashsum ? { hashsum } : {}) },
  });
const FASTLY_401 = json({ msg: "Provided credentials are missing or invalid" });

const cfPackage = (i, base) => {
  const guid = `44f7c078-0934-470f-9883-${String(i).padStart(12, "0")}`;
  return {
    guid,
    created_at: "2026-08-20T09:12:44Z",
    updated_at: "2026-08-20T09:13:02Z",
    type: "bits",
    data: {
      error: null,
      checksum: { type: "sha256", value: "3b8a32b4a2bd0c1f1b5f3e4c5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c" },
    },
    state: "READY",
    relationships: { app: { data: { guid: "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5" } } },
    metadata: { labels: { team: "payments" }, annotations: {} },
    links: {
      self: { href: `${base}/v3/packages/${guid}` },
      upload: { href: `${base}/v3/packages/${guid}/upload`, method: "POST" },
      download: { href: `${base}/v3/packages/${guid}/download` },
      app: { href: `${base}/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5` },
    },
  };
};
// A full default page (per_page 50) of a `total`-page list, as Cloud Controller answers it.
const cfPage = (base, page, total = 2, prefix = "") => {
  const link = (n) => ({ href: `${base}${prefix}/v3/packages?page=${n}&per_page=50` });
  return json({
    pagination: {
      total_results: total * 50,
      total_pages: total,
      first: link(1),
      last: link(total),
      next: page < total ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
    },
    resources: Array.from({ length: 50 }, (_, i) => cfPackage((page - 1) * 50 + i, base)),
  });
};
const MANY_PAGES = 200;
const WARG_RECORD = json({ recordId: `sha256:${"1a3ea76d".padEnd(64, "e")}`, state: "published", registryIndex: 2 });

const uploads = []; // { url, bytes, done }
let pages;
let manyPages;

function send(res, status, body, extra = {}) {
  res.writeHead(status, { "content-type": "application/json", "content-length": body.byteLength, ...extra }).end(body);
}

// Reads and discards the body, counting it; answers once it has all arrived.
function sink(req, res, answer) {
  const entry = { url: req.url, bytes: 0, done: false };
  uploads.push(entry);
  req.on("data", (chunk) => {
    entry.bytes += chunk.byteLength;
  });
  req.on("end", () => {
    entry.done = true;
    send(res, 200, answer);
  });
  req.socket.once("close", () => {
    entry.done = true;
  });
}

// Answers 401 without asking for the body, after REJECT_DELAY_MS: the round trip plus token
// lookup a real API needs (on loopback the answer would otherwise beat any client's first body
// byte). Counts whatever body the client sends meanwhile and afterwards.
const REJECT_DELAY_MS = 50;
function reject(req, res) {
  const entry = { url: req.url, bytes: 0, done: false };
  uploads.push(entry);
  req.on("data", (chunk) => {
    entry.bytes += chunk.byteLength;
  });
  const settle = () => {
    entry.done = true;
  };
  req.on("end", settle);
  req.socket.once("close", settle);
  setTimeout(() => send(res, 401, FASTLY_401), REJECT_DELAY_MS);
}

async function stats(res) {
  for (let waited = 0; uploads.some((u) => !u.done) && waited < 10_000; waited += 10)
    await new Promise((r) => setTimeout(r, 10));
  send(res, 200, json(uploads.splice(0)));
}

function handle(req, res) {
  const { pathname } = new URL(req.url, "http://x");
  if (pathname.includes("/Reject401/")) return reject(req, res);
  if (pathname === "/__stats") return stats(res);
  if (req.method === "GET" && /^\/service\/[^/]+\/version\/\d+\/package$/.test(pathname))
    return send(res, 200, FASTLY_PACKAGE, { "cache-control": "no-store" });
  if (req.method === "PUT" && /^\/service\/[^/]+\/version\/\d+\/package$/.test(pathname))
    return sink(req, res, fastlyStored(req.headers["x-bench-hashsum"]));
  if (req.method === "GET" && pathname === "/v3/packages") {
    const page = new URL(req.url, "http://x").searchParams.get("page") === "2" ? 2 : 1;
    return send(res, 200, pages[page]);
  }
  if (req.method === "GET" && pathname === "/many/v3/packages") {
    const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
    const body = manyPages[page - 1];
    return body ? send(res, 200, body) : send(res, 404, json({ errors: [{ title: "CF-ResourceNotFound" }] }));
  }
  if (req.method === "POST" && /^\/v3\/packages\/[^/]+\/upload$/.test(pathname))
    return sink(req, res, json({ ...cfPackage(0, ""), state: "PROCESSING_UPLOAD" }));
  if (req.method === "GET" && /^\/v1\/package\/[^/]+\/record\/[^/]+$/.test(pathname))
    return send(res, 200, WARG_RECORD);
  if (pathname === "/sink") return sink(req, res, json({ ok: true }));
  send(res, 404, json({ msg: "Not found" }));
}

const server = http.createServer(handle);
// Handling Expect ourselves is what lets the 401 go out before any body byte is asked for.
server.on("checkContinue", (req, res) => {
  if (req.url.includes("/Reject401/")) return reject(req, res);
  res.writeContinue();
  handle(req, res);
});
server.requestTimeout = 0; // a 1 GiB upload may take longer than the default 5 minutes on a slow box
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  const base = `http://127.0.0.1:${port}`;
  pages = { 1: cfPage(base, 1), 2: cfPage(base, 2) };
  manyPages = Array.from({ length: MANY_PAGES }, (_, i) => cfPage(base, i + 1, MANY_PAGES, "/many"));
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
