// Root postinstall: puts the openapi-generator jar pinned in openapitools.json where the wrapper
// looks for it (`<storageDir>/<version>.jar`, git-ignored), so no later step downloads it, and
// turbo's parallel generate tasks never race on a half-written file. Maven is used where it
// exists (its local repository makes a second clone free); else the wrapper downloads it. Never
// fails the install: Java is needed only to regenerate the SDKs and to lint the specs.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generatorJar, generatorVersion, hasJava, javaMissing, openapiGenerator } from "./lib/generator.mjs";
import { root } from "./lib/paths.mjs";

const label = `openapi-generator ${generatorVersion}`;
const where = path.relative(root, generatorJar);

function viaMaven() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-ogen-"));
  try {
    const artifact = `org.openapitools:openapi-generator-cli:${generatorVersion}`;
    const args = [
      "-q",
      "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy",
      `-Dartifact=${artifact}`,
      `-DoutputDirectory=${tmp}`,
    ];
    const result = spawnSync("mvn", args, { stdio: ["ignore", "ignore", "inherit"] });
    const jar = path.join(tmp, `openapi-generator-cli-${generatorVersion}.jar`);
    if (result.error || result.status !== 0 || !existsSync(jar)) return false;
    // Copy next to the target, then rename: the jar appears whole or not at all.
    const partial = `${generatorJar}.partial`;
    copyFileSync(jar, partial);
    renameSync(partial, generatorJar);
    return true;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (existsSync(generatorJar)) {
  console.log(`${label}: ${where} (present)`);
} else if (!hasJava()) {
  console.log(`${label}: not fetched; ${javaMissing} (only needed to regenerate the SDKs and lint the specs)`);
} else {
  mkdirSync(path.dirname(generatorJar), { recursive: true });
  // `version` makes the wrapper download the pinned jar first (Maven Central), then print it.
  const fetched = viaMaven() || (openapiGenerator(["version"]).status === 0 && existsSync(generatorJar));
  console.log(
    fetched ? `${label}: fetched into ${where}` : `${label}: download failed; the wrapper retries on its next use`,
  );
}
