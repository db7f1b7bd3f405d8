// Bundle-size budget. Bundles each provider's ESM entry (packages/<p>/dist/index.js) with
// @pkgapi/core and openapi-fetch as a browser app's bundler would (esbuild, minified, node:* left
// out, code split at dynamic imports), gzips it, prints the size of what loads up front (the entry
// chunk and the chunks it imports) vs the limit in size-limits.json, and exits 1 when one is over.
// Code behind a dynamic import (Node-only paths, uploads, signing) loads when first used and is
// reported as `lazy`. Run after `npx turbo run build`. `measureSizes()` is also used by `npm run bench`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { providers, root } from "./lib/paths.mjs";

/**
 * Minified + gzipped bytes of one entry bundled with everything it imports: `gzip`/`min` for what
 * loads up front, `lazyGzip` for the chunks behind dynamic imports (each file gzipped on its own,
 * as a server sends them).
 */
export async function bundleSize(entry) {
  const outdir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-size-"));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      splitting: true,
      outdir,
      metafile: true,
      // Node-only code paths import builtins lazily; tsup's output names them without `node:`.
      external: ["node:*", ...builtinModules],
      write: false,
      logLevel: "silent",
    });
    const files = new Map(result.outputFiles.map((file) => [path.relative(process.cwd(), file.path), file.contents]));
    const outputs = result.metafile.outputs;
    const initial = new Set();
    const visit = (name) => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const imported of outputs[name].imports)
        if (imported.kind === "import-statement" && outputs[imported.path]) visit(imported.path);
    };
    visit(Object.keys(outputs).find((name) => outputs[name].entryPoint && !name.endsWith(".map")));
    const size = { min: 0, gzip: 0, lazyGzip: 0 };
    for (const [name, contents] of files) {
      if (name.endsWith(".map")) continue;
      const gzip = gzipSync(contents, { level: 9 }).byteLength;
      if (initial.has(name)) {
        size.min += contents.byteLength;
        size.gzip += gzip;
      } else size.lazyGzip += gzip;
    }
    return size;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
    const lazy = size.lazyGzip ? `, ${size.lazyGzip} B lazy` : "";
    console.log(`${name.padEnd(22)} ${String(size.gzip).padStart(6)} B min+gz  (${size.min} B min${lazy})  ${verdict}`);
  }
  if (failed)
    console.log(
      `\n${failed} bundle(s) over their limit or not built. Shrink them, or raise the limit in size-limits.json on purpose.`,
    );
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
