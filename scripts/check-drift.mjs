// Regenerates every provider into a temp tree and fails, naming the files, where the committed
// generated code differs (a hand edit, or a spec change that was not regenerated).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generatedDir, providers, root } from "./lib/paths.mjs";

function files(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

/** Files under `dir` that git would commit (a git-ignored file there is absent from a fresh clone). */
function unignoredFiles(dir) {
  if (!existsSync(dir)) return [];
  const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."], {
    cwd: dir,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${dir}: ${listed.stderr}`);
  return listed.stdout.split("\0").filter((name) => name && existsSync(path.join(dir, name)));
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-drift-"));
const drifted = [];
try {
  for (const provider of providers) {
    const fresh = path.join(tmp, provider);
    // A fresh dir has no inputs.sha256, so this always runs both generators (Java needed).
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "generate.mjs"), provider, "--out", fresh], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) {
      console.error(`check:drift could not regenerate ${provider} (see above)`);
      process.exitCode = 1;
      continue;
    }
    const committed = generatedDir(provider);
    const names = new Set([...files(fresh), ...unignoredFiles(committed)]);
    for (const name of [...names].sort()) {
      const a = path.join(fresh, name);
      const b = path.join(committed, name);
      const label = path.relative(root, b);
      if (!existsSync(b)) drifted.push(`${label} (missing: not generated/committed)`);
      else if (!existsSync(a)) drifted.push(`${label} (extra: the generator no longer writes it)`);
      else if (!readFileSync(a).equals(readFileSync(b))) drifted.push(`${label} (differs from a fresh generation)`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (process.exitCode) process.exit();
if (drifted.length) {
  console.error(
    `Generated code is out of date with the specs. Run \`npm run generate\` and commit.\n${drifted.map((d) => `  ${d}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(`generated code matches the specs (${providers.join(", ")})`);
