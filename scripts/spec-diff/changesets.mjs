// The bump a spec change requires, and the changesets that provide it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BUMPS = ["none", "patch", "minor", "major"];

/**
 * major for breaking, minor for added, patch otherwise. Before 1.0.0 each steps down one
 * (breaking -> minor, added -> patch), as npm's caret ranges do: `^0.1.0` takes 0.1.x and never
 * 0.2.0, so a minor bump is what keeps a breaking change away from 0.x users. A literal major
 * would publish 1.0.0 on the first breaking spec change.
 */
export function requiredBump(level, version) {
  const bump = { breaking: "major", added: "minor", patch: "patch", none: "none" }[level];
  if (!version.startsWith("0.") || bump === "none" || bump === "patch") return bump;
  return bump === "major" ? "minor" : "patch";
}

/** `{ package -> highest bump }` over the changesets added since `base` (committed or not). */
export function addedChangesets(repo, base) {
  const dir = path.join(repo, ".changeset");
  const atBase = new Set(
    execFileSync("git", ["ls-tree", "--name-only", base, ".changeset/"], { cwd: repo, encoding: "utf8" })
      .split("\n")
      .filter(Boolean),
  );
  const bumps = {};
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md" && !atBase.has(`.changeset/${f}`))
    : [];
  for (const file of files) {
    const front = readFileSync(path.join(dir, file), "utf8").match(/^---\n([\s\S]*?)\n---/);
    for (const [, name, bump] of (front?.[1] ?? "").matchAll(
      /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm,
    )) {
      if (BUMPS.indexOf(bump) > BUMPS.indexOf(bumps[name] ?? "none")) bumps[name] = bump;
    }
  }
  return { files, bumps };
}

/** Writes `.changeset/spec-<providers>.md` with the required bump per package and the headline changes. */
export function writeChangeset(repo, results) {
  const needed = results.filter((r) => r.bump !== "none");
  if (!needed.length) return null;
  const file = path.join(repo, ".changeset", `spec-${needed.map((r) => r.provider).join("-")}.md`);
  const front = needed.map((r) => `"${r.package}": ${r.bump}`).join("\n");
  const body = needed
    .map((r) => {
      const headline = (level) => [
        ...new Set(
          r.changes.filter((c) => c.level === level).map((c) => `${c.group}: ${c.description} ${c.at}`.trim()),
        ),
      ];
      const lines = [
        ...headline("breaking").map((l) => `- **Breaking:** ${l}`),
        ...headline("added").map((l) => `- Added: ${l}`),
      ].slice(0, 12);
      return `Spec change in \`specs/${r.provider}.yaml\` (${r.level}).\n${lines.join("\n")}`;
    })
    .join("\n\n");
  writeFileSync(file, `---\n${front}\n---\n\n${body}\n`);
  return path.relative(repo, file);
}
