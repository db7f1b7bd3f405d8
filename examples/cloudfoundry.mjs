// Cloud Foundry: create a bits package, upload a zip, wait until it is READY, download it back,
// and list packages across pages. Run `npm run mock` in another terminal first (or set CF_URL
// and CF_TOKEN for a real Cloud Controller, e.g. CF_TOKEN="$(cf oauth-token)").
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCloudFoundryClient } from "@pkgapi/cloudfoundry";

const cf = createCloudFoundryClient({
  baseUrl: process.env.CF_URL ?? "http://127.0.0.1:4012",
  token: process.env.CF_TOKEN ?? "mock-token",
});
const appGuid = process.env.CF_APP_GUID ?? "0a9bd31f-2d1e-4b8a-9f3c-6a7e5d4c3b2a";

const created = await cf.packages.create({ type: "bits", appGuid });
console.log(`created package ${created.guid} (${created.state})`);

// A zip of the app; any zip will do for the mock.
const zip = path.join(mkdtempSync(path.join(os.tmpdir(), "pkgapi-cf-")), "app.zip");
writeFileSync(zip, Buffer.from("504b0506000000000000000000000000000000000000", "hex")); // an empty zip archive
const uploaded = await cf.packages.upload(
  { guid: created.guid, bits: zip },
  { onProgress: ({ loaded, total }) => console.log(`  sent ${loaded}/${total} bytes`) },
);
console.log(`uploaded: ${uploaded.state}`);

const ready = await cf.packages.waitUntilReady(created.guid, { interval: 500, waitTimeout: 60_000 });
console.log(`ready: sha256 ${ready.data.checksum?.value ?? "(none)"}`);

const { stream, size } = await cf.packages.download(created.guid);
let bytes = 0;
for await (const chunk of stream) bytes += chunk.byteLength;
console.log(`downloaded ${bytes} bytes${size === undefined ? "" : ` of ${size}`}`);

// `await` gives one page; `for await (const pkg of cf.packages.list(...))` walks every page.
// (The mock's `next` links point at its example host, so this example reads one page.)
const page = await cf.packages.list({ states: ["READY"], perPage: 50 });
for (const pkg of page.items) console.log(`  ${pkg.guid} ${pkg.type} ${pkg.state}`);
console.log(`${page.pagination.total_results} READY packages in all; more pages: ${page.hasNextPage()}`);
