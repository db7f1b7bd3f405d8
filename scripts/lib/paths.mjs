// Locations shared by the repo scripts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const providers = ["fastly", "warg", "cloudfoundry"];
export const specPath = (provider) => path.join(root, "specs", `${provider}.yaml`);
export const generatedDir = (provider) => path.join(root, "packages", provider, "src", "generated");
export const generatorJar = path.join(root, "node_modules", "openapi-generator-jar", "bin", "openapi-generator.jar");

export function generatorConfig(provider) {
  const config = JSON.parse(readFileSync(path.join(root, "openapitools.json"), "utf8"));
  const entry = config["generator-cli"].generators[provider];
  if (!entry) throw new Error(`openapitools.json has no generator "${provider}"`);
  return entry;
}

/** The `java -jar` arguments that generate one provider's typescript-fetch SDK into `out`. */
export function generatorArgs(provider, out) {
  const { generatorName, additionalProperties, globalProperty } = generatorConfig(provider);
  const joinProps = (props) =>
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
  return [
    "-XX:TieredStopAtLevel=1",
    "-jar",
    generatorJar,
    "generate",
    "-g",
    generatorName,
    "-i",
    specPath(provider),
    "-o",
    out,
    `--additional-properties=${joinProps(additionalProperties)}`,
    `--global-property=${joinProps(globalProperty)}`,
  ];
}
