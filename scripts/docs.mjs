// API docs: typedoc for each package into docs/<package>/ (generated, not committed).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { packages, providers, root } from "./lib/paths.mjs";

let failed = 0;
for (const name of packages) {
  const entries = providers.includes(name) ? ["src/index.ts", "src/sdk.ts"] : ["src/index.ts"];
  const dir = path.join(root, "packages", name);
  const result = spawnSync(
    path.join(root, "node_modules", ".bin", "typedoc"),
    [
      ...entries.flatMap((entry) => ["--entryPoints", path.join(dir, entry)]),
      "--tsconfig",
      path.join(dir, "tsconfig.json"),
      "--out",
      path.join(root, "docs", name),
      "--name",
      `@pkgapi/${name}`,
      "--readme",
      path.join(dir, "README.md"),
      "--logLevel",
      "Error",
      "--excludePrivate",
      "--disableSources",
    ],
    { cwd: root, stdio: "inherit" },
  );
  console.log(`${result.status === 0 ? "ok  " : "FAIL"} docs/${name}`);
  if (result.status !== 0) failed++;
}
if (failed) process.exit(1);
