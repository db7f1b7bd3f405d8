// Starts the real warg-server behind `prism proxy --errors` (scripts/warg/interop.mjs) for the
// interop tests. Without the binaries (no cargo here) the tests are skipped with one line; under
// CI=true that is a failure.
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startInterop } from "../../../../scripts/warg/interop.mjs";
import { WARG_VERSION, wargBinaries, wargBinDir } from "../../../../scripts/warg/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The interop setup, or null when warg is not installed. */
    interop: { url: string; cli: string; logFile: string } | null;
  }
}

const logFile = fileURLToPath(new URL("../../.test-results/interop.jsonl", import.meta.url));

export default async (project: TestProject) => {
  const binaries = wargBinaries();
  if (!binaries) {
    const message = `warg ${WARG_VERSION} is not installed in ${wargBinDir()} (scripts/warg/install.sh, needs cargo)`;
    if (process.env.CI === "true") throw new Error(`CI needs the real warg-server: ${message}`);
    console.log(`warg interop tests skipped: ${message}`);
    project.provide("interop", null);
    return;
  }
  const interop = await startInterop({ logFile });
  project.provide("interop", { url: interop.url, cli: binaries.cli, logFile });
  return () => interop.stop();
};
