// Builds a provider's package as it is at the base ref and in the working tree, each with its
// generated code freshly produced by that tree's own scripts/generate.mjs from that tree's spec,
// and reads the public TypeScript surface of both.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { surface } from "./surface.mjs";

const parts = (provider) => [
  "package.json",
  "openapitools.json",
  "specs",
  "scripts",
  "packages/core/src",
  `packages/${provider}/src`,
];

function exportBase(repo, ref, provider, dir) {
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["archive", "--format=tar", ref, "--", ...parts(provider)], {
    cwd: repo,
    maxBuffer: 256 << 20,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
}

function copyHead(repo, provider, dir) {
  for (const part of parts(provider)) {
    const from = path.join(repo, part);
    if (existsSync(from))
      cpSync(from, path.join(dir, part), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}node_modules`),
      });
  }
}

/** The surface of `provider`'s package at `ref` (or the working tree when ref is null), built under `dir`. */
export function packageSurface(repo, ref, provider, dir) {
  if (ref) exportBase(repo, ref, provider, dir);
  else copyHead(repo, provider, dir);
  symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
  execFileSync("node", [path.join(dir, "scripts", "generate.mjs"), provider], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const src = path.join(dir, "packages", provider, "src");
  const entries = ["index.ts", "sdk.ts"].map((f) => path.join(src, f)).filter(existsSync);
  const core = path.join(dir, "packages", "core", "src");
  return surface(entries, {
    "@pkgapi/core": [path.join(core, "index.ts")],
    "@pkgapi/core/internal": [path.join(core, "internal", "index.ts")],
  });
}
