// npm run spec:diff -- [--base <ref>] [--json] [--check] [--write-changeset] [--no-types]
// For each provider whose spec differs from the base (default: the merge base with main), reports
// every change by operation and schema, classified breaking / added / patch, plus the change to
// the package's public TypeScript surface, and the changeset bump that follows.
// Exit codes: 0 nothing breaking (with --check: changesets suffice), 1 breaking changes found
// (with --check: a changeset is missing or its bump is too low), 2 usage or tool error.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, styleText } from "node:util";
import { parse } from "yaml";
import { providers } from "../lib/paths.mjs";
import { addedChangesets, BUMPS, requiredBump, writeChangeset } from "./changesets.mjs";
import { classify, maxLevel } from "./classify.mjs";
import { compareSurfaces } from "./surface.mjs";
import { packageSurface } from "./trees.mjs";

const git = (repo, args) =>
  execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function resolveBase(repo, ref) {
  if (ref) return git(repo, ["rev-parse", "--verify", `${ref}^{commit}`]);
  for (const main of ["main", "origin/main"]) {
    try {
      return git(repo, ["merge-base", "HEAD", main]);
    } catch {}
  }
  throw new Error("no `main` or `origin/main` to take the merge base with; pass --base <ref>");
}

function specAt(repo, base, provider) {
  try {
    return git(repo, ["show", `${base}:specs/${provider}.yaml`]);
  } catch {
    return null; // the provider is new since the base
  }
}

/** The report of one provider, or null when its spec did not change. */
function diffProvider(repo, base, provider, types) {
  const file = path.join(repo, "specs", `${provider}.yaml`);
  const before = specAt(repo, base, provider);
  const after = existsSync(file) ? readFileSync(file, "utf8").trim() : null;
  if (before === after) return null;
  const spec = classify(parse(before ?? "{}") ?? {}, parse(after ?? "{}") ?? {});
  let surface = [];
  if (types && before && after) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "pkgapi-spec-diff-"));
    try {
      surface = compareSurfaces(
        packageSurface(repo, base, provider, path.join(tmp, "base")),
        packageSurface(repo, null, provider, path.join(tmp, "head")),
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  // A removed or changed member breaks code compiled against it; a new one is an addition.
  const surfaceLevel = surface.length
    ? maxLevel(surface.map((s) => (s.kind === "added" ? "added" : "breaking")))
    : "none";
  const level = maxLevel([spec.level, surfaceLevel, "patch"].filter((l) => l !== "none"));
  const pkg = JSON.parse(readFileSync(path.join(repo, "packages", provider, "package.json"), "utf8"));
  return {
    provider,
    package: pkg.name,
    version: pkg.version,
    level,
    bump: requiredBump(level, pkg.version),
    changes: spec.changes,
    surface,
  };
}

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style, text) => (colour ? styleText(style, text) : text);
const MARK = { breaking: ["red", "✗ breaking"], added: ["green", "+ added   "], patch: ["gray", "· patch   "] };
const SURFACE = { removed: ["red", "- removed"], changed: ["yellow", "~ changed"], added: ["green", "+ added  "] };

function printReport(base, results) {
  if (!results.length) return console.log(`No spec changes since ${base.slice(0, 12)}.`);
  for (const r of results) {
    console.log(
      `\n${paint("bold", `${r.package}`)} — specs/${r.provider}.yaml: ${paint(MARK[r.level][0], r.level)}, needs a ${paint("bold", r.bump)} changeset (now ${r.version})`,
    );
    const groups = new Map();
    for (const c of r.changes) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    for (const [group, changes] of groups) {
      console.log(`  ${paint("cyan", group)}`);
      for (const c of changes) {
        const [style, mark] = MARK[c.level];
        console.log(
          `    ${paint(style, mark)} ${c.at ? `${c.at}: ` : ""}${c.description}${c.note ? paint("dim", `  (${c.note})`) : ""}`,
        );
      }
    }
    if (r.surface.length) {
      console.log(`  ${paint("cyan", "TypeScript surface (facade, generated types and SDK)")}`);
      for (const s of r.surface) {
        const [style, mark] = SURFACE[s.kind];
        const detail = s.kind === "changed" ? `${s.before}  →  ${s.after}` : (s.after ?? s.before);
        console.log(
          `    ${paint(style, mark)} ${s.at}${detail.startsWith(":") || detail.startsWith("?") ? "" : " "}${detail}`,
        );
      }
    }
  }
}

function check(repo, base, results) {
  const { files, bumps } = addedChangesets(repo, base);
  const problems = results
    .filter((r) => BUMPS.indexOf(bumps[r.package] ?? "none") < BUMPS.indexOf(r.bump))
    .map(
      (r) =>
        `${r.package}: specs/${r.provider}.yaml changed (${r.level}); needs a ${r.bump} changeset, found ${bumps[r.package] ?? "none"}`,
    );
  return { ok: problems.length === 0, changesets: files, problems };
}

function main() {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      json: { type: "boolean" },
      check: { type: "boolean" },
      "write-changeset": { type: "boolean" },
      "no-types": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(
      readFileSync(new URL(import.meta.url), "utf8")
        .split("\n")
        .slice(0, 6)
        .join("\n"),
    );
    return 0;
  }
  const repo = git(process.cwd(), ["rev-parse", "--show-toplevel"]);
  const base = resolveBase(repo, values.base);
  const results = providers.map((p) => diffProvider(repo, base, p, !values["no-types"])).filter(Boolean);
  const written = values["write-changeset"] ? writeChangeset(repo, results) : null;
  const checked = values.check ? check(repo, base, results) : null;
  if (values.json)
    console.log(JSON.stringify({ base, providers: results, changeset: written, check: checked }, null, 2));
  else {
    printReport(base, results);
    if (written) console.log(`\nwrote ${written}`);
    if (checked?.ok)
      console.log(
        results.length
          ? "\nchangeset check: the changesets cover the spec changes"
          : "changeset check: nothing to cover",
      );
    if (checked && !checked.ok)
      console.error(
        `\nchangeset check failed (add one with \`npm run spec:diff -- --write-changeset\`):\n${checked.problems.map((p) => `  ${p}`).join("\n")}`,
      );
  }
  if (checked) return checked.ok ? 0 : 1;
  return results.some((r) => r.level === "breaking") ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`spec:diff: ${error.stderr?.toString().trim() || error.message}`);
  process.exitCode = 2;
}
