// Fastly: read a service version's package, then upload a new one (a real .tar.gz built here).
// Run `npm run mock` in another terminal first (or set FASTLY_URL to another server).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFastlyClient, NotFoundError } from "@pkgapi/fastly";

const fastly = createFastlyClient({
  token: process.env.FASTLY_API_TOKEN ?? "mock-token",
  baseUrl: process.env.FASTLY_URL ?? "http://127.0.0.1:4010",
});
const serviceId = "SU1Z0isxPaozGVKXdv0eY";

const current = await fastly.packages.get({ serviceId, version: 1 });
console.log(
  `version 1 runs ${current.metadata?.name} (${current.metadata?.language}), files_hash ${current.metadata?.files_hash?.slice(0, 12)}…`,
);

// A Compute package is a .tar.gz with fastly.toml and bin/main.wasm.
const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-example-"));
mkdirSync(path.join(dir, "app", "bin"), { recursive: true });
writeFileSync(path.join(dir, "app", "fastly.toml"), 'manifest_version = 3\nname = "app"\nlanguage = "rust"\n');
writeFileSync(path.join(dir, "app", "bin", "main.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
execFileSync("tar", ["-czf", path.join(dir, "app.tar.gz"), "-C", dir, "app"]);

const { package: stored } = await fastly.packages.upload(
  {
    serviceId,
    version: 2,
    file: path.join(dir, "app.tar.gz"),
    // The mock answers with a canned hashsum that cannot match; against Fastly leave this check on.
    verifyHashsum: false,
  },
  { onProgress: ({ loaded, total }) => console.log(`  sent ${loaded}/${total} bytes`) },
);
console.log(`uploaded: package ${stored.id}`);

try {
  await fastly.packages.get({ serviceId, version: 99 }, { headers: { prefer: "code=404" } }); // Prism: force the 404
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.log(`typed error: ${error.name} ${error.status}: ${error.message}`);
}
