// Bundle-size budget. Bundles each provider's ESM entry (packages/<p>/dist/index.js) with
// @pkgapi/core and openapi-fetch as a browser app would (esbuild, minified, node:* left out),
// gzips it, prints size vs the limit in size-limits.json, and exits 1 when one is over.
// Run after `npx turbo run build`. `measureSizes()` is also used by `npm run bench`.
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { providers } from "./lib/paths.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

export { providers };

/** Minified + gzipped bytes of one entry bundled with everything it imports. */
export async function bundleSize(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    // Node-only code paths import builtins lazily; tsup's output names them without `node:`.
    external: ["node:*", ...builtinModules],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Sizes of openapi-fetch alone and of every built provider entry (missing builds are reported). */
export async function measureSizes() {
  const sizes = { "openapi-fetch": await bundleSize(path.join(root, "node_modules/openapi-fetch/dist/index.mjs")) };
  for (const name of providers) {
    const entry = path.join(root, "packages", name, "dist", "index.js");
    sizes[`@pkgapi/${name}`] = existsSync(entry)
      ? await bundleSize(entry)
      : { missing: `${path.relative(root, entry)} not built` };
  }
  return sizes;
}

async function main() {
  const limits = JSON.parse(readFileSync(path.join(root, "size-limits.json"), "utf8")).limits;
  const sizes = await measureSizes();
  let failed = 0;
  for (const [name, size] of Object.entries(sizes)) {
    const limit = limits[name];
    if (size.missing) {
      console.log(`${name.padEnd(22)} MISSING  ${size.missing}`);
      failed++;
      continue;
    }
    const over = limit !== undefined && size.gzip > limit;
    if (over) failed++;
    const verdict = limit === undefined ? "(no limit)" : `${over ? "OVER " : "ok   "} limit ${limit} B`;
    console.log(`${name.padEnd(22)} ${String(size.gzip).padStart(6)} B min+gz  (${size.min} B min)  ${verdict}`);
  }
  if (failed)
    console.log(
      `\n${failed} bundle(s) over their limit or not built. Shrink them, or raise the limit in size-limits.json on purpose.`,
    );
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
