// One upload client in a process of its own, so that its peak RSS is its own.
// Usage: node bench/upload-child.mjs <variant> <serverUrl> <file> [<file> ...]   (files upload at once)
// Prints one JSON line: { ms, maxRSS (bytes), statuses, errors }. `ms` runs from the first call to
// the last answer; a rejected call (the 401 benchmark) counts as answered.
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const [variant, url, ...files] = process.argv.slice(2);
const TOKEN = "bench-token";
const SERVICE = "SU1Z0isxPaozGVKXdv0eY";
const GUID = "44f7c078-0934-470f-9883-4fcddc5b8f13";
const serviceFor = (file) => (path.basename(file).includes("reject") ? "Reject401" : SERVICE);
const fastlyUrl = (file) => `${url}/service/${serviceFor(file)}/version/2/package`;
const cfUrl = `${url}/v3/packages/${GUID}/upload`;

// Node's fetch with a FormData of a file-backed Blob: the obvious code, which buffers (undici#4058).
async function naive(target, method, field, file) {
  const form = new FormData();
  form.append(field, await fs.openAsBlob(file), path.basename(file));
  const response = await fetch(target, { method, headers: { authorization: `bearer ${TOKEN}` }, body: form });
  await response.arrayBuffer();
  return response.status;
}

// node:http piping a read stream: the floor for memory (no multipart, no client library).
function nodePipe(file) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/sink`,
      { method: "POST", headers: { "content-length": fs.statSync(file).size } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", reject);
    fs.createReadStream(file).pipe(req);
  });
}

async function load() {
  switch (variant) {
    case "pkgapi-fastly":
    case "pkgapi-fastly-noverify": {
      const { createFastlyClient } = await import("@pkgapi/fastly");
      const fastly = createFastlyClient({ token: TOKEN, baseUrl: url, maxRetries: 0 });
      const verifyHashsum = variant === "pkgapi-fastly";
      // The server answers with this as Fastly's hashsum (see server.mjs); the facade checks it.
      const headers = process.env.BENCH_SHA512 ? { "x-bench-hashsum": process.env.BENCH_SHA512 } : undefined;
      return async (file) => {
        const result = await fastly.packages.upload(
          { serviceId: serviceFor(file), version: 2, file, verifyHashsum },
          { headers },
        );
        if (verifyHashsum && headers && result.sha512 !== headers["x-bench-hashsum"])
          throw new Error("the digest was not checked");
        return 200;
      };
    }
    case "sha512-only": {
      // No upload: reading the file and computing its SHA-512 (node:crypto), the least a client
      // that checks Fastly's hashsum must do.
      const { createHash } = await import("node:crypto");
      return async (file) => {
        const hash = createHash("sha512");
        for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
        hash.digest("hex");
        return 200;
      };
    }
    case "pkgapi-cf": {
      const { createCloudFoundryClient } = await import("@pkgapi/cloudfoundry");
      const cf = createCloudFoundryClient({ token: TOKEN, baseUrl: url, maxRetries: 0 });
      return async (file) => {
        await cf.packages.upload({ guid: GUID, bits: file });
        return 200;
      };
    }
    case "official-fastly": {
      delete process.env.FASTLY_API_TOKEN;
      const Fastly = createRequire(import.meta.url)("fastly");
      const client = new Fastly.ApiClient();
      client.basePath = url;
      const buildUrl = client.buildUrl.bind(client);
      client.buildUrl = (p, params, reserved) => buildUrl(p, params, reserved, null);
      const api = new Fastly.PackageApi(client);
      client.authenticate(TOKEN);
      // `expect` as its README shows; it sends the header but does not wait for 100 Continue.
      return async (file) => {
        await api.putPackage({
          service_id: serviceFor(file),
          version_id: 2,
          expect: "100-continue",
          _package: fs.createReadStream(file),
        });
        return 200;
      };
    }
    case "naive-fastly":
      return (file) => naive(fastlyUrl(file), "PUT", "package", file);
    case "naive-cf":
      return (file) => naive(cfUrl, "POST", "bits", file);
    case "node-pipe":
      return nodePipe;
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

const upload = await load();
const started = performance.now();
const results = await Promise.allSettled(files.map((file) => upload(file)));
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    maxRSS: process.resourceUsage().maxRSS * 1024,
    statuses: results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason?.status ?? 0))),
    errors: results
      .filter((r) => r.status === "rejected" && !r.reason?.status)
      .map((r) => String(r.reason?.message ?? r.reason?.error?.message ?? r.reason)),
  }),
);
// A client that keeps sending after its call failed (the 401 case) is left to finish, as it
// would in a long-lived process; LINGER_MS caps the wait.
setTimeout(() => process.exit(0), Number(process.env.LINGER_MS ?? 0)).unref();
