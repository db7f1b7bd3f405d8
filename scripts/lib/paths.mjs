// Locations shared by the repo scripts, and the one list of providers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const workspaces = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).workspaces;
/** Every provider is a workspace `packages/<name>` with a spec `specs/<name>.yaml` (added by `npm run new-provider`). */
export const providers = workspaces
  .map((dir) => path.basename(dir))
  .filter((name) => !["core", "testing"].includes(name));
/** The published packages: the runtime first, then the providers. */
export const packages = ["core", ...providers];
export const specPath = (provider) => path.join(root, "specs", `${provider}.yaml`);
export const generatedDir = (provider) => path.join(root, "packages", provider, "src", "generated");
