// 7. Wall time of each package's test suite (`vitest run` in the package dir), next to the time
// spent inside its tests as vitest reports it: the rest is startup, transforms, Prism, setup.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, run } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

const packages = ["core", "fastly", "warg", "cloudfoundry"];

export async function tests() {
  const rows = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-bench-vitest-"));
  try {
    for (const name of packages) {
      const cwd = path.join(root, "packages", name);
      if (!existsSync(path.join(cwd, "vitest.config.ts"))) {
        rows.push(errorRow("7", `${name} tests`, "no vitest.config.ts"));
        continue;
      }
      // The report goes to a temp file so that the packages' own .test-results stay untouched.
      const report = path.join(tmp, `${name}.json`);
      const result = await run(path.join(root, "node_modules/.bin/vitest"), ["run", `--outputFile.json=${report}`], {
        cwd,
        env: { CI: "1" },
      });
      if (!existsSync(report)) {
        rows.push(errorRow("7", `${name} tests`, `vitest exited ${result.code} without a report`));
        continue;
      }
      const json = JSON.parse(readFileSync(report, "utf8"));
      const inside = json.testResults.flatMap((f) => f.assertionResults).reduce((sum, t) => sum + (t.duration ?? 0), 0);
      rows.push(
        row({
          section: "7",
          figure: `${name}: vitest run wall time`,
          unit: "ms",
          values: [result.ms],
          baseline: "time inside tests",
          baselineValues: [inside],
          note: `${json.numPassedTests} passed, ${json.numFailedTests} failed`,
        }),
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
