// The test command. Runs every check, whatever fails first, then prints one closing line
// `N passed, N failed` (`, N skipped` when tests were skipped): the vitest tests of all packages plus each other check counted as one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { packages, root } from "./lib/paths.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", SCARF_ANALYTICS: "false" };

// The vitest JSON reports counted below; stale ones from an earlier run must not be counted.
const reports = [...packages.map((name) => path.join("packages", name)), path.join("scripts", "spec-diff")].map((dir) =>
  path.join(root, dir, ".test-results", "vitest.json"),
);
for (const report of reports) rmSync(report, { force: true });

const checks = [
  ["lint and format (Biome)", "npx", ["biome", "check", "."]],
  ["spec lint", "node", ["scripts/lint-specs.mjs"]],
  ["drift check", "node", ["scripts/check-drift.mjs"]],
  [
    "typecheck + unit, fault and contract tests",
    "npx",
    ["turbo", "run", "typecheck", "test", "--concurrency=2", "--continue"],
  ],
  ["generate and build without Java", "node", ["scripts/check-no-java.mjs"]],
  ["contract coverage", "node", ["scripts/contract-coverage.mjs"]],
  ["spec change report tests", "npx", ["vitest", "run", "--config", "scripts/spec-diff/vitest.config.mjs"]],
  ["changesets cover the spec changes since main", "node", ["scripts/spec-diff/index.mjs", "--check"]],
  ["publint + are-the-types-wrong", "node", ["scripts/check-packages.mjs"]],
  ["bundle size limits", "node", ["scripts/check-size.mjs"]],
  ["browser-like environment", "node", ["scripts/browser-check.mjs"]],
  ["pack, install and use from ESM, CJS and TypeScript", "node", ["scripts/pack-install-test.mjs"]],
  ["examples against the mocks", "node", ["scripts/run-examples.mjs"]],
  ["README and example snippets type-check (strict)", "node", ["scripts/check-snippets.mjs"]],
  ["API docs (typedoc)", "node", ["scripts/docs.mjs"]],
];
// The reference warg-server and warg CLI for the interop tests: built once with cargo into a cache
// outside the clone (many minutes the first time), then reused. Without them the interop tests are
// skipped, or fail under CI=true.
console.log("=== reference warg-server and CLI");
spawnSync("bash", ["scripts/warg/install.sh"], { cwd: root, env, stdio: "inherit" });

const failedChecks = [];
for (const [label, cmd, args] of checks) {
  console.log(`\n=== ${label}`);
  if (spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" }).status !== 0) failedChecks.push(label);
}

let passed = checks.length - failedChecks.length;
let failed = failedChecks.length;
let skipped = 0;
for (const report of reports) {
  if (!existsSync(report)) continue;
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
if (failedChecks.length) console.log(`\nFailed: ${failedChecks.join("; ")}`);
// Skipped: the warg interop tests where warg-server is not installed (never under CI=true).
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed || passed === 0 ? 1 : 0);
