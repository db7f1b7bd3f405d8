// The test command: spec lint, drift check, then typecheck + tests of every package (turbo),
// contract coverage, and one closing line `N passed, N failed` summed over all packages.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/paths.mjs";

const packages = ["core", "fastly", "warg", "cloudfoundry"];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", SCARF_ANALYTICS: "false" };
const step = (label, cmd, args) => {
  console.log(`\n=== ${label}`);
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  return result.status === 0;
};

// Stale reports from an earlier run must not be counted.
for (const name of packages) rmSync(path.join(root, "packages", name, ".test-results", "vitest.json"), { force: true });

const steps = [
  step("spec lint", "node", ["scripts/lint-specs.mjs"]),
  step("drift check", "node", ["scripts/check-drift.mjs"]),
  step("typecheck + tests", "npx", ["turbo", "run", "typecheck", "test", "--concurrency=2", "--continue"]),
  step("contract coverage", "node", ["scripts/contract-coverage.mjs"]),
];

let passed = 0;
let failed = 0;
for (const name of packages) {
  const report = path.join(root, "packages", name, ".test-results", "vitest.json");
  if (!existsSync(report)) continue;
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
}
const failedSteps = steps.filter((ok) => !ok).length;
if (failedSteps) console.log(`\n${failedSteps} step(s) failed (see above)`);
// A failed step that ran no test (lint, drift) still counts as one failure in the summary.
console.log(`${passed} passed, ${failed + (failed === 0 ? failedSteps : 0)} failed`);
process.exit(failedSteps || failed || passed === 0 ? 1 : 0);
