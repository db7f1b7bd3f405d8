// 2. Streaming uploads, 3. early rejection, 4. concurrent uploads. Every client runs in a fresh
// process (its peak RSS is its own); the sink is bench/server.mjs, another process.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { MiB, run, runChild, sparseFile } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

const TOKEN = "bench-token";
const FASTLY_PATH = "/service/SU1Z0isxPaozGVKXdv0eY/version/2/package";
const CF_PATH = "/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload";

// curl is the reference for throughput: same file, same server, its own multipart encoder.
async function curl(server, kind, file) {
  const args =
    kind === "fastly"
      ? [
          "-X",
          "PUT",
          "-H",
          `fastly-key: ${TOKEN}`,
          "-F",
          `package=@${file};type=application/gzip`,
          `${server.url}${FASTLY_PATH}`,
        ]
      : ["-H", `authorization: bearer ${TOKEN}`, "-F", `bits=@${file};type=application/zip`, `${server.url}${CF_PATH}`];
  const result = await run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", ...args]);
  const [status, seconds] = result.stdout.trim().split(" ");
  if (result.code !== 0 || status !== "200")
    return { error: `curl exited ${result.code}, HTTP ${status}: ${result.stderr.trim()}` };
  return { ms: Number(seconds) * 1000, statuses: [200] };
}

/**
 * Runs each variant once per round, in a rotating order, and checks with the server that every
 * byte arrived. Returns { variant: [result per round] } or { error }.
 */
async function rounds(server, variants, files, count, { expectBytes = true, env = {} } = {}) {
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  await server.stats(); // forget earlier uploads
  for (let round = 0; round < count; round++) {
    for (const variant of [...variants.slice(round % variants.length), ...variants.slice(0, round % variants.length)]) {
      const once = () =>
        variant.startsWith("curl-")
          ? curl(server, variant.slice(5), files[0])
          : runChild("upload-child.mjs", [variant, server.url, ...files], { env: { LINGER_MS: "5000", ...env } });
      let result = await once();
      // The official client sometimes loses the race with an early 401 (EPIPE instead of the
      // answer): a flaky baseline gets one more try; our own client gets none.
      if (variant === "official-fastly" && result.errors?.length) {
        await server.stats();
        result = await once();
      }
      if (result.error || result.errors?.length) return { error: `${variant}: ${result.error ?? result.errors[0]}` };
      const seen = await server.stats();
      result.bytesRead = seen.reduce((sum, u) => sum + u.bytes, 0);
      if (variant === "sha512-only") {
        if (seen.length) return { error: "sha512-only: the server saw an upload" };
      } else if (expectBytes && seen.length !== files.length)
        return { error: `${variant}: server saw ${seen.length} uploads, expected ${files.length}` };
      if (expectBytes && seen.some((u) => u.bytes < files.size))
        return { error: `${variant}: server received fewer bytes than the file has` };
      samples[variant].push(result);
    }
  }
  return samples;
}

const pick = (results, key) => results.map((r) => r[key]);
const mbps = (bytes) => (results) => results.map((r) => bytes / 1e6 / (r.ms / 1000));

/** Peak RSS against the naive fetch upload, and throughput against curl, for one of our uploads. */
function streamingRows(figure, size, ours, results, minRatio) {
  const kind = Object.keys(results).find((v) => v.startsWith("naive-"));
  const curlKey = Object.keys(results).find((v) => v.startsWith("curl-"));
  return [
    row({
      section: "2",
      figure: `${figure}: peak RSS`,
      unit: "bytes",
      values: pick(ours, "maxRSS"),
      baseline: "naive fetch+FormData+openAsBlob",
      baselineValues: pick(results[kind], "maxRSS"),
      target: "≤ 128 MiB",
      pass: (_, v) => v <= 128 * MiB,
    }),
    row({
      section: "2",
      figure: `${figure}: throughput`,
      unit: "MB/s",
      values: mbps(size)(ours),
      baseline: "curl -F",
      baselineValues: mbps(size)(results[curlKey]),
      target: `≥ ${minRatio.toFixed(2)}×`,
      pass: (r) => r >= minRatio,
    }),
  ];
}

const sha512 = async (file) => {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(file, { highWaterMark: MiB })) hash.update(chunk);
  return hash.digest("hex");
};

export async function uploads({ server, quick }) {
  const rows = [];
  const n = quick ? 1 : 3;

  // 2a. One big CF bits upload.
  const cfSize = quick ? 64 * MiB : 1024 * MiB;
  const cfLabel = quick ? "64 MiB" : "1 GiB";
  const cfFile = sparseFile("cf.zip", cfSize);
  const cf = await rounds(server, ["pkgapi-cf", "curl-cf", "naive-cf"], Object.assign([cfFile], { size: cfSize }), n);
  if (cf.error) rows.push(errorRow("2", `cf upload ${cfLabel}`, cf.error));
  else {
    rows.push(
      ...streamingRows(`cf packages.upload ${cfLabel}`, cfSize, cf["pkgapi-cf"], cf, 0.8),
      row({
        section: "2",
        figure: `naive fetch ${cfLabel}: throughput`,
        unit: "MB/s",
        values: mbps(cfSize)(cf["naive-cf"]),
        baseline: "curl -F",
        baselineValues: mbps(cfSize)(cf["curl-cf"]),
      }),
    );
  }

  // 2b. A Fastly package at the 100 MB limit (the facade refuses anything bigger).
  const fastlySize = quick ? 20_000_000 : 100_000_000;
  const fastlyLabel = quick ? "20 MB" : "100 MB";
  const fastlyFile = sparseFile("package.tar.gz", fastlySize);
  // The server answers with the file's real SHA-512 as Fastly's hashsum, so the check is made.
  const fastly = await rounds(
    server,
    ["pkgapi-fastly", "curl-fastly", "naive-fastly", "official-fastly", "pkgapi-fastly-noverify", "sha512-only"],
    Object.assign([fastlyFile], { size: fastlySize }),
    quick ? 1 : 5,
    { env: { BENCH_SHA512: await sha512(fastlyFile) } },
  );
  if (fastly.error) rows.push(errorRow("2", `fastly upload ${fastlyLabel}`, fastly.error));
  else {
    rows.push(
      ...streamingRows(
        `fastly packages.upload ${fastlyLabel}, hashsum verified`,
        fastlySize,
        fastly["pkgapi-fastly"],
        fastly,
        0.7,
      ),
      row({
        section: "2",
        figure: `fastly packages.upload ${fastlyLabel}, verifyHashsum: false: throughput`,
        unit: "MB/s",
        values: mbps(fastlySize)(fastly["pkgapi-fastly-noverify"]),
        baseline: "curl -F",
        baselineValues: mbps(fastlySize)(fastly["curl-fastly"]),
      }),
      row({
        section: "2",
        figure: `SHA-512 of the ${fastlyLabel} file alone (read + node:crypto, no upload)`,
        unit: "MB/s",
        values: mbps(fastlySize)(fastly["sha512-only"]),
        baseline: "curl -F",
        baselineValues: mbps(fastlySize)(fastly["curl-fastly"]),
        note: "the ceiling for any client that checks Fastly's SHA-512 hashsum on this CPU, however it overlaps hashing and sending",
      }),
      row({
        section: "2",
        figure: `official fastly putPackage ${fastlyLabel}: throughput`,
        unit: "MB/s",
        values: mbps(fastlySize)(fastly["official-fastly"]),
        baseline: "curl -F",
        baselineValues: mbps(fastlySize)(fastly["curl-fastly"]),
      }),
      row({
        section: "2",
        figure: `official fastly putPackage ${fastlyLabel}: peak RSS`,
        unit: "bytes",
        values: pick(fastly["official-fastly"], "maxRSS"),
        baseline: "pkgapi",
        baselineValues: pick(fastly["pkgapi-fastly"], "maxRSS"),
      }),
    );
  }

  // 3. The same 100 MB upload answered 401 (after 50 ms, see server.mjs): body bytes the server read.
  const rejectFile = sparseFile("reject-package.tar.gz", 100_000_000);
  const rejected = await rounds(
    server,
    ["pkgapi-fastly", "official-fastly"],
    Object.assign([rejectFile], { size: 0 }),
    quick ? 1 : 3,
    { expectBytes: false },
  );
  if (rejected.error) rows.push(errorRow("3", "401 early rejection", rejected.error));
  else if (![...rejected["pkgapi-fastly"], ...rejected["official-fastly"]].every((r) => r.statuses[0] === 401)) {
    rows.push(errorRow("3", "401 early rejection", "a client did not report the 401"));
  } else {
    rows.push(
      row({
        section: "3",
        figure: "fastly upload 100 MB → 401: body bytes read",
        unit: "bytes",
        values: pick(rejected["pkgapi-fastly"], "bytesRead"),
        baseline: "official client",
        baselineValues: pick(rejected["official-fastly"], "bytesRead"),
        target: "< 1 MiB",
        pass: (_, v) => v < MiB,
        note: "server answers 401 50 ms after the headers, never sends 100 Continue",
      }),
      row({
        section: "3",
        figure: "fastly upload 100 MB → 401: time to error",
        unit: "ms",
        values: pick(rejected["pkgapi-fastly"], "ms"),
        baseline: "official client",
        baselineValues: pick(rejected["official-fastly"], "ms"),
      }),
    );
  }

  // 4. Eight CF uploads at once from one process.
  const each = quick ? 16 * MiB : 128 * MiB;
  const eachLabel = quick ? "16 MiB" : "128 MiB";
  const files = Object.assign(
    Array.from({ length: 8 }, (_, i) => sparseFile(`concurrent-${i}.zip`, each)),
    { size: each },
  );
  const concurrent = await rounds(server, ["pkgapi-cf", "node-pipe"], files, n);
  if (concurrent.error) rows.push(errorRow("4", `8 × ${eachLabel} uploads`, concurrent.error));
  else {
    rows.push(
      row({
        section: "4",
        figure: `8 × ${eachLabel} cf uploads at once: peak RSS`,
        unit: "bytes",
        values: pick(concurrent["pkgapi-cf"], "maxRSS"),
        baseline: "node:http + createReadStream pipe",
        baselineValues: pick(concurrent["node-pipe"], "maxRSS"),
        target: "≤ 160 MiB",
        pass: (_, v) => v <= 160 * MiB,
      }),
      row({
        section: "4",
        figure: `8 × ${eachLabel} cf uploads at once: wall time`,
        unit: "ms",
        values: pick(concurrent["pkgapi-cf"], "ms"),
        baseline: "node:http + createReadStream pipe",
        baselineValues: pick(concurrent["node-pipe"], "ms"),
      }),
    );
  }
  return rows;
}
