// Packs every package, installs the tarballs into a scratch project outside the workspace,
// and uses them as a user would: import from ESM, require from CJS, type-check a TypeScript
// file with moduleResolution node16 and bundler, and call one operation per provider against
// Prism; then run the ESM file under Bun and Deno too (installed from npm into a cache outside
// the clone when not there yet). Run after `npm run build`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPrism } from "@pkgapi/testing/prism";
import { packages, providers, root, specPath } from "./lib/paths.mjs";

const scratch = mkdtempSync(path.join(os.tmpdir(), "pkgapi-consumer-"));
const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { cwd: scratch, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...options });

// The runtimes the packages are supported on besides Node, pinned, from their npm packages.
const RUNTIMES = { bun: "1.4.5", deno: "2.9.6" };
const runtimesDir = path.join(os.homedir(), ".cache", "pkgapi-runtimes");

/** The runtime's binary, installed into the cache first if needed; undefined if that fails. */
function runtimeBinary(name) {
  const bin = path.join(runtimesDir, "node_modules", ".bin", name);
  const version = () => execFileSync(bin, ["--version"], { encoding: "utf8" });
  if (existsSync(bin) && version().includes(RUNTIMES[name])) return bin;
  try {
    mkdirSync(runtimesDir, { recursive: true });
    if (!existsSync(path.join(runtimesDir, "package.json")))
      writeFileSync(path.join(runtimesDir, "package.json"), '{"private":true}');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", `${name}@${RUNTIMES[name]}`], {
      cwd: runtimesDir,
      stdio: "ignore",
    });
    version();
    return bin;
  } catch {
    return undefined;
  }
}

const mocks = {};
try {
  const tarballs = path.join(scratch, "tarballs");
  mkdirSync(tarballs);
  for (const name of packages)
    run("npm", ["pack", "--silent", "--pack-destination", tarballs], { cwd: path.join(root, "packages", name) });
  writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const { version: tsVersion } = JSON.parse(
    run("node", ["-p", "JSON.stringify(require('typescript/package.json'))"], { cwd: root }),
  );
  const { version: nodeTypes } = JSON.parse(
    run("node", ["-p", "JSON.stringify(require('@types/node/package.json'))"], { cwd: root }),
  );
  run("npm", [
    "install",
    "--no-audit",
    "--no-fund",
    "--prefer-offline",
    `typescript@${tsVersion}`,
    `@types/node@${nodeTypes}`,
    ...readdirSync(tarballs).map((t) => path.join(tarballs, t)),
  ]);

  for (const name of providers) mocks[name] = await startPrism(specPath(name));
  const env = {
    ...process.env,
    FASTLY_URL: mocks.fastly.url,
    WARG_URL: mocks.warg.url,
    CF_URL: mocks.cloudfoundry.url,
  };

  const calls = `
  const fastly = createFastlyClient({ token: "t", baseUrl: process.env.FASTLY_URL });
  const pkg = await fastly.packages.get({ serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1 });
  const warg = createWargClient({ baseUrl: process.env.WARG_URL });
  const record = await warg.records.get({ logId: "sha256:" + "a".repeat(64), recordId: "sha256:" + "b".repeat(64) });
  const cf = createCloudFoundryClient({ token: "t", baseUrl: process.env.CF_URL });
  const cfPackage = await cf.packages.get("4f2d6a1e-3c2b-4e5f-9a8b-7c6d5e4f3a2b");
  if (!pkg.id || !record.recordId || !cfPackage.guid) throw new Error("unexpected responses");
  if (typeof PackageApi !== "function" || typeof PackagesApi !== "function" || typeof WargPackageApi !== "function") throw new Error("sdk subpaths");
  console.log("ok", pkg.id, record.state, cfPackage.state);`;

  writeFileSync(
    path.join(scratch, "esm.mjs"),
    `import { createFastlyClient } from "@pkgapi/fastly";
import { PackageApi } from "@pkgapi/fastly/sdk";
import { createWargClient } from "@pkgapi/warg";
import { PackageApi as WargPackageApi } from "@pkgapi/warg/sdk";
import { createCloudFoundryClient } from "@pkgapi/cloudfoundry";
import { PackagesApi } from "@pkgapi/cloudfoundry/sdk";
${calls}`,
  );
  writeFileSync(
    path.join(scratch, "cjs.cjs"),
    `const { createFastlyClient } = require("@pkgapi/fastly");
const { PackageApi } = require("@pkgapi/fastly/sdk");
const { createWargClient } = require("@pkgapi/warg");
const { PackageApi: WargPackageApi } = require("@pkgapi/warg/sdk");
const { createCloudFoundryClient } = require("@pkgapi/cloudfoundry");
const { PackagesApi } = require("@pkgapi/cloudfoundry/sdk");
(async () => {${calls}
})().catch((error) => { console.error(error); process.exit(1); });`,
  );
  writeFileSync(
    path.join(scratch, "types.ts"),
    `import { createFastlyClient, NotFoundError, type PackageResponse } from "@pkgapi/fastly";
import { PackageApi } from "@pkgapi/fastly/sdk";
import { createWargClient } from "@pkgapi/warg";
import { createCloudFoundryClient } from "@pkgapi/cloudfoundry";
import { PackagesApi } from "@pkgapi/cloudfoundry/sdk";

export async function check(): Promise<string | undefined> {
  const pkg: PackageResponse = await createFastlyClient({ token: "t" }).packages.get({ serviceId: "abc", version: 1 });
  const record = await createWargClient({}).records.get({ logId: "sha256:x", recordId: "sha256:y" });
  const cf = await createCloudFoundryClient({ token: "t", baseUrl: "https://api.example.test" }).packages.get("g");
  void PackageApi; void PackagesApi; void NotFoundError;
  return pkg.metadata?.name ?? record.recordId ?? cf.guid;
}
`,
  );
  for (const [module, resolution] of [
    ["node16", "node16"],
    ["esnext", "bundler"],
  ]) {
    writeFileSync(
      path.join(scratch, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module,
          moduleResolution: resolution,
          target: "es2022",
          lib: ["es2022", "dom"],
          types: ["node"],
        },
        files: ["types.ts"],
      }),
    );
  }

  const checks = [
    ["ESM import + call", "node", ["esm.mjs"]],
    ["CJS require + call", "node", ["cjs.cjs"]],
    ["tsc moduleResolution node16", "npx", ["tsc", "-p", "tsconfig.node16.json"]],
    ["tsc moduleResolution bundler", "npx", ["tsc", "-p", "tsconfig.bundler.json"]],
  ];
  for (const [name, label, args] of [
    ["bun", `Bun ${RUNTIMES.bun}: ESM import + call`, ["esm.mjs"]],
    ["deno", `Deno ${RUNTIMES.deno}: ESM import + call`, ["run", "--allow-all", "esm.mjs"]],
  ]) {
    const bin = runtimeBinary(name);
    if (bin) checks.push([label, bin, args]);
    else console.log(`skip ${label}: ${name}@${RUNTIMES[name]} could not be installed from npm`);
  }
  let failed = 0;
  for (const [label, cmd, args] of checks) {
    try {
      const out = run(cmd, args, { env });
      console.log(`ok   ${label}${out.trim() ? `: ${out.trim().split("\n").at(-1)}` : ""}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${label}\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
    }
  }
  if (failed) process.exitCode = 1;
} finally {
  await Promise.all(Object.values(mocks).map((mock) => mock.stop()));
  rmSync(scratch, { recursive: true, force: true });
}
