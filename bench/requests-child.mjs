// Per-request cost of each client against the local server (which runs in another process).
// Usage: node --expose-gc bench/requests-child.mjs <serverUrl> <rounds> <requestsPerRound>
// Prints one JSON line: { <group>: { <variant>: [us per request, one per round] } | { error } }.
import http from "node:http";
import { createRequire } from "node:module";

const [url, roundsArg, perRoundArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const perRound = Number(perRoundArg);
const TOKEN = "bench-token";
const SERVICE = "SU1Z0isxPaozGVKXdv0eY";
const LOG_ID = `sha256:${"64ee614d".padEnd(64, "0")}`;
const RECORD_ID = `sha256:${"1a3ea76d".padEnd(64, "e")}`;

// The baseline every client is compared with: fetch, then JSON.parse of the text.
const rawGet = (target, headers) => async () =>
  JSON.parse(await (await fetch(target, { headers: { accept: "application/json", ...headers } })).text());

// The floor for any client on Node: node:http on its keep-alive global agent, then JSON.parse.
const nodeGet = (target, headers) => () =>
  new Promise((resolve, reject) => {
    http
      .get(target, { headers: { accept: "application/json", ...headers } }, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
      })
      .on("error", reject);
  });

async function fastlyGroup() {
  const { createFastlyClient } = await import("@pkgapi/fastly");
  const client = createFastlyClient({ token: TOKEN, baseUrl: url, maxRetries: 0 });
  // Official client: its host is hard-coded per operation (fastly.md section 5); drop it from buildUrl.
  delete process.env.FASTLY_API_TOKEN;
  const Fastly = createRequire(import.meta.url)("fastly");
  const apiClient = new Fastly.ApiClient();
  apiClient.basePath = url;
  const buildUrl = apiClient.buildUrl.bind(apiClient);
  apiClient.buildUrl = (p, params, reserved) => buildUrl(p, params, reserved, null);
  const official = new Fastly.PackageApi(apiClient);
  apiClient.authenticate(TOKEN);
  return {
    raw: rawGet(`${url}/service/${SERVICE}/version/2/package`, { "fastly-key": TOKEN }),
    node: nodeGet(`${url}/service/${SERVICE}/version/2/package`, { "fastly-key": TOKEN }),
    pkgapi: () => client.packages.get({ serviceId: SERVICE, version: 2 }),
    official: () => official.getPackage({ service_id: SERVICE, version_id: 2 }),
  };
}

async function cfGroup() {
  const { createCloudFoundryClient } = await import("@pkgapi/cloudfoundry");
  const cf = createCloudFoundryClient({ token: TOKEN, baseUrl: url, maxRetries: 0 });
  return {
    raw: rawGet(`${url}/v3/packages?states=READY`, { authorization: `bearer ${TOKEN}` }),
    pkgapi: async () => (await cf.packages.list({ states: ["READY"] })).items,
  };
}

async function wargGroup() {
  const { createWargClient } = await import("@pkgapi/warg");
  const warg = createWargClient({ baseUrl: `${url}/v1`, maxRetries: 0 });
  return {
    // warg ids go in the path unencoded (`sha256:…`), as the facade sends them.
    raw: rawGet(`${url}/v1/package/${LOG_ID}/record/${RECORD_ID}`),
    pkgapi: () => warg.records.get({ logId: LOG_ID, recordId: RECORD_ID }),
  };
}

async function time(call, count) {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  return ((performance.now() - started) * 1000) / count;
}

const out = {};
for (const [name, load] of Object.entries({ fastly: fastlyGroup, cloudfoundry: cfGroup, warg: wargGroup })) {
  try {
    const variants = await load();
    // Check every variant answers before timing it, so a broken one reports an error, not a number.
    for (const call of Object.values(variants)) await call();
    for (const call of Object.values(variants)) await time(call, Math.min(200, perRound)); // JIT warm-up
    const samples = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
    const order = Object.keys(variants);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no variant always runs first (or right after a GC).
      for (const variant of [...order.slice(round % order.length), ...order.slice(0, round % order.length)]) {
        globalThis.gc?.();
        samples[variant].push(await time(variants[variant], perRound));
      }
    }
    out[name] = samples;
  } catch (error) {
    out[name] = { error: String(error?.message ?? error).split("\n")[0] };
  }
}
console.log(JSON.stringify(out));
