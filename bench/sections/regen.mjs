// 5. Regeneration: `npm run generate` cold (turbo cache bypassed with --force) and warm, then each
// provider's generate.mjs into a temp dir, split into its two generators run directly.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateArgs, generatorJar } from "../../scripts/lib/generator.mjs";
import { providers, specPath } from "../../scripts/lib/paths.mjs";
import { root, run } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

const env = { TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", SCARF_ANALYTICS: "false" };
const npmBin = process.platform === "win32" ? "npm.cmd" : "npm";

let lastCached; // turbo's verdict on the last npm run generate, e.g. "3 cached, 3 total"
async function timed(cmd, args) {
  const result = await run(cmd, args, { env });
  if (result.code !== 0)
    throw new Error(
      `${cmd} ${args.join(" ")} exited ${result.code}: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" | ")}`,
    );
  // Keep turbo's verdict ("Cached: 3 cached, 3 total"): a slow warm run is explained by it.
  lastCached = /Cached:\s+(\d+ cached, \d+ total)/.exec(result.stdout)?.[1];
  return result.ms;
}

export async function regen({ quick }) {
  const rows = [];
  const n = quick ? 1 : 3;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-bench-gen-"));
  try {
    const cold = [];
    const warm = [];
    const direct = []; // the three generate.mjs runs back to back: the work turbo schedules
    const first = [];
    const warmCached = [];
    const parts = Object.fromEntries(providers.map((p) => [p, { total: [], ts: [], java: [] }]));
    for (let round = 0; round < n; round++) {
      if (!quick) {
        // turbo's cache bypassed; generate.mjs itself still skips while inputs.sha256 matches the specs.
        cold.push(await timed(npmBin, ["run", "generate", "--", "--force"]));
        let sum = 0;
        for (const provider of providers) {
          const out = path.join(tmp, provider);
          const total = await timed(process.execPath, ["scripts/generate.mjs", provider, "--out", out]);
          sum += total;
          parts[provider].total.push(total);
          parts[provider].ts.push(
            await timed(path.join(root, "node_modules/.bin/openapi-typescript"), [
              specPath(provider),
              "-o",
              path.join(out, "schema-cli.ts"),
            ]),
          );
          parts[provider].java.push(
            await timed("java", [
              "-XX:TieredStopAtLevel=1",
              "-jar",
              generatorJar,
              ...generateArgs(provider, path.join(out, "sdk-direct")),
            ]),
          );
        }
        direct.push(sum);
      } else if (round === 0) {
        first.push(await timed(npmBin, ["run", "generate"])); // fills the cache if it was empty
      }
      warm.push(await timed(npmBin, ["run", "generate"]));
      warmCached.push(lastCached ?? "?");
    }
    // A warm run that missed the cache means an input (spec, scripts/lib, package.json) changed meanwhile.
    const note = `turbo on the warm runs: ${warmCached.join("; ")}`;
    if (quick) {
      rows.push(
        row({
          section: "5",
          figure: "npm run generate, warm (no change)",
          unit: "ms",
          values: warm,
          baseline: "the run before it (quick: no --force)",
          baselineValues: first,
          target: "≤ 1 s",
          pass: (_, v) => v <= 1000,
          note,
        }),
      );
      return rows;
    }
    rows.push(
      row({
        section: "5",
        figure: "npm run generate, cold (--force)",
        unit: "ms",
        values: cold,
        baseline: "3 × generate.mjs in sequence",
        baselineValues: direct,
      }),
      row({
        section: "5",
        figure: "npm run generate, warm (no change)",
        unit: "ms",
        values: warm,
        baseline: "cold",
        baselineValues: cold,
        target: "≤ 1 s",
        pass: (_, v) => v <= 1000,
        note,
      }),
    );
    for (const provider of providers) {
      const p = parts[provider];
      rows.push(
        row({
          section: "5",
          figure: `${provider}: openapi-typescript (CLI)`,
          unit: "ms",
          values: p.ts,
          baseline: `generate.mjs ${provider}`,
          baselineValues: p.total,
        }),
        row({
          section: "5",
          figure: `${provider}: openapi-generator (java)`,
          unit: "ms",
          values: p.java,
          baseline: `generate.mjs ${provider}`,
          baselineValues: p.total,
        }),
      );
    }
  } catch (error) {
    rows.push(errorRow("5", "regeneration", error.message));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
