// Locations shared by the repo scripts.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const providers = ["fastly", "warg", "cloudfoundry"];
export const specPath = (provider) => path.join(root, "specs", `${provider}.yaml`);
export const generatedDir = (provider) => path.join(root, "packages", provider, "src", "generated");
