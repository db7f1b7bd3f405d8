// Checks what would be published: publint (package.json, exports, files) and
// are-the-types-wrong (types resolve for node16 ESM and CJS and for bundlers) for every package.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { packages, root } from "./lib/paths.mjs";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
let failed = 0;
for (const name of packages) {
  const dir = path.join(root, "packages", name);
  for (const [label, cmd, args] of [
    ["publint", bin("publint"), ["--strict", dir]],
    // node10 cannot resolve subpath exports (`/sdk`); every supported resolution is checked.
    ["attw", bin("attw"), ["--pack", dir, "--profile", "node16", "--format", "table-flipped"]],
  ]) {
    const result = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
    const ok = result.status === 0;
    console.log(`${ok ? "ok  " : "FAIL"} ${label} @pkgapi/${name}`);
    if (!ok) {
      failed++;
      console.log(`${result.stdout}${result.stderr}`);
    }
  }
}
if (failed) process.exit(1);
