// 6. Bundle size of each provider's ESM entry with core and openapi-fetch, min+gz, as an app's
// bundler splits it (scripts/check-size.mjs: what loads up front; dynamic imports load later),
// and of an app that only reads one thing (`get`), tree-shaken.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleSize, measureSizes } from "../../scripts/check-size.mjs";
import { root } from "../lib/common.mjs";
import { errorRow, row } from "../lib/rows.mjs";

// The app: one client, one read.
const getApps = {
  fastly: `import { createFastlyClient } from ENTRY;
const client = createFastlyClient({ token: "t" });
export const get = () => client.packages.get({ serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1 });`,
  warg: `import { createWargClient } from ENTRY;
const client = createWargClient({ baseUrl: "https://registry.example.com" });
export const get = (logId, recordId) => client.records.get({ logId, recordId });`,
  cloudfoundry: `import { createCloudFoundryClient } from ENTRY;
const client = createCloudFoundryClient({ baseUrl: "https://api.example.com", token: "t" });
export const get = (guid) => client.packages.get(guid);`,
};

export async function size() {
  const limits = JSON.parse(readFileSync(path.join(root, "size-limits.json"), "utf8")).limits;
  const sizes = await measureSizes();
  const base = sizes["openapi-fetch"].gzip;
  const rows = [];
  for (const [provider, appCode] of Object.entries(getApps)) {
    const name = `@pkgapi/${provider}`;
    const s = sizes[name];
    if (s.missing) {
      rows.push(errorRow("6", `${name} bundle`, s.missing));
      continue;
    }
    rows.push(
      row({
        section: "6",
        figure: `${name} entry bundle, min+gz (loaded up front)`,
        unit: "B",
        values: [s.gzip],
        baseline: "openapi-fetch alone",
        baselineValues: [base],
        target: "≤ 10 kB",
        pass: (_, v) => v <= 10_000,
        note: `size-limits.json: ${limits[name] ?? "none"} B; ${s.lazyGzip} B more behind dynamic imports (Node-only transports, the upload toolkit, the download idle timer: loaded on first use)`,
      }),
    );
    const entry = path.join(root, "packages", provider, "dist", "index.js");
    const app = path.join(os.tmpdir(), `pkgapi-bench-size-${provider}-${process.pid}.mjs`);
    writeFileSync(app, `${appCode.replace("ENTRY", JSON.stringify(entry))}\n`);
    try {
      const used = await bundleSize(app);
      rows.push(
        row({
          section: "6",
          figure: `${name}: an app calling only get, min+gz`,
          unit: "B",
          values: [used.gzip],
          baseline: "the entry bundle",
          baselineValues: [s.gzip],
          target: "≤ 8 kB",
          pass: (_, v) => v <= 8_000,
        }),
      );
    } finally {
      rmSync(app, { force: true });
    }
  }
  return rows;
}
