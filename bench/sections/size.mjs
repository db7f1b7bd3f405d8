// 6. Bundle size of each provider's ESM entry with core and openapi-fetch, min+gz (scripts/check-size.mjs),
// and, for context, what an app pays that imports only the client factory (tree-shaken).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleSize, measureSizes } from "../../scripts/check-size.mjs";
import { root } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

const factories = { fastly: "createFastlyClient", warg: "createWargClient", cloudfoundry: "createCloudFoundryClient" };

export async function size() {
  const limits = JSON.parse(readFileSync(path.join(root, "size-limits.json"), "utf8")).limits;
  const sizes = await measureSizes();
  const base = sizes["openapi-fetch"].gzip;
  const rows = [];
  for (const [provider, factory] of Object.entries(factories)) {
    const name = `@pkgapi/${provider}`;
    const s = sizes[name];
    if (s.missing) {
      rows.push(errorRow("6", `${name} bundle`, s.missing));
      continue;
    }
    rows.push(
      row({
        section: "6",
        figure: `${name} entry bundle, min+gz`,
        unit: "B",
        values: [s.gzip],
        baseline: "openapi-fetch alone",
        baselineValues: [base],
        target: "≤ 10 kB",
        pass: (_, v) => v <= 10_000,
        note: `size-limits.json: ${limits[name] ?? "none"} B`,
      }),
    );
    const entry = path.join(root, "packages", provider, "dist", "index.js");
    const app = path.join(os.tmpdir(), `pkgapi-bench-size-${provider}-${process.pid}.mjs`);
    writeFileSync(app, `import { ${factory} } from ${JSON.stringify(entry)};\nglobalThis.client = ${factory};\n`);
    try {
      if (existsSync(entry)) {
        const used = await bundleSize(app);
        rows.push(
          row({
            section: "6",
            figure: `${name}: app importing only ${factory}`,
            unit: "B",
            values: [used.gzip],
            baseline: "the entry bundle",
            baselineValues: [s.gzip],
          }),
        );
      }
    } finally {
      rmSync(app, { force: true });
    }
  }
  return rows;
}
