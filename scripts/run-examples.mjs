// Runs every example against fresh Prism mocks (on free ports), as CI's check that they work.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startPrism } from "@pkgapi/testing/prism";
import { root, specPath } from "./lib/paths.mjs";

const examples = { fastly: "FASTLY_URL", warg: "WARG_URL", cloudfoundry: "CF_URL" };
let failed = 0;
for (const [name, variable] of Object.entries(examples)) {
  const mock = await startPrism(specPath(name));
  try {
    execFileSync("node", [path.join(root, "examples", `${name}.mjs`)], {
      cwd: root,
      env: { ...process.env, [variable]: mock.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    console.log(`ok   examples/${name}.mjs`);
  } catch (error) {
    failed++;
    console.log(`FAIL examples/${name}.mjs\n${error.stdout}${error.stderr}`);
  } finally {
    await mock.stop();
  }
}
if (failed) process.exit(1);
