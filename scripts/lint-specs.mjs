// Lints every spec (or the ones named) with Spectral (spectral:oas), Redocly (recommended,
// examples validated against their schemas) and `openapi-generator validate` (the pinned jar,
// through the wrapper).
// Warnings fail too: the specs are kept lint clean.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { hasJava, javaMissing, openapiGenerator } from "./lib/generator.mjs";
import { providers, root, specPath } from "./lib/paths.mjs";

const names = process.argv.slice(2).length ? process.argv.slice(2) : providers;
const env = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  SCARF_ANALYTICS: "false",
};
const tool = (bin, args) =>
  spawnSync(path.join(root, "node_modules", ".bin", bin), args, { cwd: root, env, encoding: "utf8" });

const java = hasJava();
let failed = 0;
/** Runs one linter; a non-zero exit or a warning in its output (`warnPattern`) fails the spec. */
function run(label, result, warnPattern) {
  const output = `${result.stdout}${result.stderr}`;
  const ok = result.status === 0 && !warnPattern?.test(output);
  console.log(`${ok ? "ok  " : "FAIL"} ${label}`);
  if (!ok) {
    console.log(output.trim());
    failed++;
  }
}

for (const name of names) {
  const spec = specPath(name);
  console.log(`\n# specs/${name}.yaml`);
  run("spectral", tool("spectral", ["lint", "--fail-severity=warn", "--ruleset", ".spectral.yaml", spec]));
  run("redocly", tool("redocly", ["lint", "--max-problems=50", spec]), /You have \d+ warnings?/);
  run(
    "openapi-generator",
    java ? openapiGenerator(["validate", "-i", spec, "--recommend"]) : { status: 1, stdout: javaMissing, stderr: "" },
    /Warnings:/,
  );
}
if (failed) {
  console.error(`\n${failed} spec check(s) failed`);
  process.exit(1);
}
