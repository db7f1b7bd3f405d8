// Proves that Java is needed only to regenerate: with `java` removed from PATH,
//   1. `turbo run generate --force` and `npm run build` pass and leave git as it was (unchanged specs);
//   2. in a temp copy of the repo with a changed spec, generate fails with one line naming what
//      to install, and the committed output there is left as it was.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { generatedDir, providers, root } from "./lib/paths.mjs";

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

// A PATH of symlinks to every program on the real PATH except Java (and Maven, which needs it).
const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-nojava-"));
const bin = path.join(tmp, "bin");
mkdirSync(bin);
for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    continue;
  }
  for (const name of names) {
    if (/^(java|javac|mvn)$/.test(name)) continue;
    try {
      if (statSync(path.join(dir, name)).isFile()) symlinkSync(path.join(dir, name), path.join(bin, name));
    } catch {} // taken by an earlier PATH entry, or a dangling link
  }
}
const env = { ...process.env, PATH: bin, JAVA_HOME: "", TURBO_TELEMETRY_DISABLED: "1" };
const run = (cmd, args, cwd = root) => spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
const gitStatus = () => spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout;

try {
  check(run("java", ["-version"]).error?.code === "ENOENT", "java is not on the stripped PATH");

  const before = gitStatus();
  const generate = run("npx", ["turbo", "run", "generate", "--force", "--output-logs=new-only"]);
  const skipped = generate.stdout.match(/generator not run/g)?.length ?? 0;
  check(
    generate.status === 0 && skipped === providers.length,
    `unchanged specs: turbo run generate --force passes without Java (${skipped}/${providers.length} skipped)`,
  );
  if (generate.status !== 0) console.log(`${generate.stdout}${generate.stderr}`.trim());
  const build = run("npm", ["run", "build", "--", "--output-logs=errors-only"]);
  check(build.status === 0, "unchanged specs: npm run build passes without Java");
  if (build.status !== 0) console.log(`${build.stdout}${build.stderr}`.trim());
  check(gitStatus() === before, `git status unchanged by both${before ? "" : " (clean)"}`);

  // A changed spec, in a copy of the pieces generate.mjs reads.
  const copy = path.join(tmp, "repo");
  for (const part of ["scripts", "specs", "openapitools.json", "package.json"])
    cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  const committed = generatedDir("fastly");
  const out = path.join(copy, path.relative(root, committed));
  cpSync(committed, out, { recursive: true });
  appendFileSync(path.join(copy, "specs", "fastly.yaml"), "# changed\n");
  const changed = run(process.execPath, [path.join(copy, "scripts", "generate.mjs"), "fastly"], copy);
  const lines = changed.stderr.trim().split("\n");
  console.log(`     -> exit ${changed.status}: ${changed.stderr.trim()}`);
  check(
    changed.status === 1 && lines.length === 1 && /Java 11\+ is not on PATH: install /.test(lines[0]),
    "changed spec: generate fails with one line saying what to install",
  );
  const sdkFile = path.join("sdk", "apis", "PackageApi.ts");
  check(
    readFileSync(path.join(out, sdkFile)).equals(readFileSync(path.join(committed, sdkFile))) &&
      readFileSync(path.join(out, "inputs.sha256")).equals(readFileSync(path.join(committed, "inputs.sha256"))),
    "changed spec: the committed output is left in place",
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) process.exit(1);
