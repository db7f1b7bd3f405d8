// openapi-generator through its npm wrapper (@openapitools/openapi-generator-cli): version, jar
// location and typescript-fetch options all come from openapitools.json.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { root, specPath } from "./paths.mjs";

const settings = JSON.parse(readFileSync(path.join(root, "openapitools.json"), "utf8"))["generator-cli"];
export const generatorVersion = settings.version;
/** Where the wrapper looks for the jar (`<storageDir>/<version>.jar`); it downloads nothing when the file exists. */
export const generatorJar = path.resolve(root, settings.storageDir, `${generatorVersion}.jar`);
const wrapperBin = path.join(
  root,
  "node_modules",
  ".bin",
  process.platform === "win32" ? "openapi-generator-cli.cmd" : "openapi-generator-cli",
);

/** The one line printed wherever Java is missing but needed. */
export const javaMissing = `Java 11+ is not on PATH: install a JDK/JRE (e.g. \`apt-get install openjdk-17-jre-headless\`) to run openapi-generator ${generatorVersion}`;

export function hasJava() {
  const result = spawnSync("java", ["-version"], { stdio: "ignore" });
  return !result.error && result.status === 0;
}

function generatorConfig(provider) {
  const entry = settings.generators[provider];
  if (!entry) throw new Error(`openapitools.json has no generator "${provider}"`);
  return entry;
}

/** The openapi-generator `generate` arguments for one provider's SDK, written to `out`. */
export function generateArgs(provider, out) {
  const { generatorName, additionalProperties, globalProperty } = generatorConfig(provider);
  const joinProps = (props) =>
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
  return [
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

/**
 * Runs the wrapper with `args` (e.g. `generate …`, `validate -i …`). It reads openapitools.json from
 * `$PWD`, so that is pinned to the root; the JIT flag roughly halves each short JVM run.
 */
export function openapiGenerator(args, options = {}) {
  return spawnSync(wrapperBin, args, {
    cwd: root,
    encoding: "utf8",
    ...options,
    env: { ...process.env, PWD: root, JAVA_OPTS: process.env.JAVA_OPTS ?? "-XX:TieredStopAtLevel=1", ...options.env },
  });
}

/**
 * What one provider's generated code is made from: the spec, the generator options and version,
 * openapi-typescript's version and the generate script. Committed next to the output, it lets
 * `npm run generate` skip (and need no Java) when nothing changed.
 */
export function inputsHash(provider) {
  const require = createRequire(path.join(root, "package.json"));
  const hash = createHash("sha256");
  // Text read with LF line ends, so a checkout with CRLF (git autocrlf) gets the same hash.
  const text = (file) => readFileSync(file, "utf8").replaceAll("\r\n", "\n");
  for (const part of [
    text(specPath(provider)),
    JSON.stringify(generatorConfig(provider)),
    generatorVersion,
    require("openapi-typescript/package.json").version,
    text(path.join(root, "scripts", "generate.mjs")),
  ]) {
    hash.update(part).update("\0");
  }
  return hash.digest("hex");
}
