import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { requiredBump } from "../changesets.mjs";
import { classify } from "../classify.mjs";
import { compareSurfaces, surface } from "../surface.mjs";
import { base, cases, mutated } from "./cases.mjs";

const cli = path.join(import.meta.dirname, "..", "index.mjs");
const temps = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spec-diff-test-"));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("classification", () => {
  it.each(Object.keys(cases))("%s", (name) => {
    const report = classify(base, mutated(name));
    expect(report.level).toBe(cases[name][1]);
    expect(report.changes.length).toBeGreaterThan(0);
  });

  it("names where a change is: the operation, and the parameter by name", () => {
    const [change] = classify(base, mutated("making a query parameter required")).changes;
    expect(change).toMatchObject({ group: "GET /items (listItems)", at: "query state.required", level: "breaking" });
  });

  it("treats a new enum value in a response as an addition, flagged for exhaustive switches", () => {
    const head = structuredClone(base);
    head.components.schemas.Item.properties.state = { type: "string", enum: ["READY", "FAILED", "STAGED"] };
    const report = classify(base, head);
    expect(report.level).toBe("added");
    expect(report.changes.find((c) => c.group.startsWith("GET /items/{id}")).note).toMatch(/exhaustive/);
  });

  it("calls a response field of another type breaking, and a removed status", () => {
    const retyped = structuredClone(base);
    retyped.components.schemas.Item.properties.name = { type: "integer" };
    expect(classify(base, retyped).level).toBe("breaking");
    const restatused = structuredClone(base);
    const get = restatused.paths["/items/{id}"].get;
    get.responses = { 202: get.responses[200] };
    expect(classify(base, restatused).level).toBe("breaking");
  });

  it("reports no change for an identical spec", () => {
    expect(classify(base, structuredClone(base))).toEqual({ level: "none", changes: [] });
  });
});

describe("TypeScript surface", () => {
  async function surfaceOf(spec) {
    const dir = tempDir();
    writeFileSync(path.join(dir, "schema.ts"), astToString(await openapiTS(spec)));
    writeFileSync(path.join(dir, "index.ts"), 'export type { components, operations, paths } from "./schema.js";\n');
    return surface([path.join(dir, "index.ts")]);
  }

  it("catches a response field turning nullable, which the spec diff calls an addition", async () => {
    const head = structuredClone(base);
    head.components.schemas.Item.properties.name.nullable = true;
    expect(classify(base, head).level).toBe("added");
    const changes = compareSurfaces(await surfaceOf(base), await surfaceOf(head));
    expect(changes).toContainEqual({
      kind: "changed",
      at: "type components.schemas.Item.name",
      before: "?: string | undefined",
      after: "?: null | string | undefined",
    });
  });

  it("catches a renamed operationId, which the spec diff calls documentation", async () => {
    const head = structuredClone(base);
    head.paths["/items"].get.operationId = "listAllItems";
    expect(classify(base, head).level).toBe("patch");
    const changes = compareSurfaces(await surfaceOf(base), await surfaceOf(head));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "removed", at: "type operations.listItems" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "added", at: "type operations.listAllItems" }));
  });

  it("shows a renamed enum value in every type that carries it", async () => {
    const changes = compareSurfaces(await surfaceOf(base), await surfaceOf(mutated("renaming an enum value")));
    const at = changes.map((c) => c.at);
    expect(at).toEqual(
      expect.arrayContaining(["type components.schemas.ItemState", "type components.schemas.Item.state"]),
    );
    expect(at.some((a) => a.endsWith("parameters.query.state"))).toBe(true);
  });
});

describe("required bump", () => {
  it("is major / minor / patch from 1.0.0 on", () => {
    expect(["breaking", "added", "patch", "none"].map((l) => requiredBump(l, "1.4.2"))).toEqual([
      "major",
      "minor",
      "patch",
      "none",
    ]);
  });
  it("steps down one before 1.0.0, as caret ranges do", () => {
    expect(["breaking", "added", "patch", "none"].map((l) => requiredBump(l, "0.1.0"))).toEqual([
      "minor",
      "patch",
      "patch",
      "none",
    ]);
  });
});

describe("the changeset check on a git repository", () => {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "t",
    GIT_AUTHOR_EMAIL: "t@t",
    GIT_COMMITTER_NAME: "t",
    GIT_COMMITTER_EMAIL: "t@t",
    NO_COLOR: "1",
  };
  const git = (dir, ...args) => execFileSync("git", args, { cwd: dir, env, stdio: "pipe" });

  /** A repo whose main has the base spec for fastly at `version`, checked out on a branch. */
  function repo(version) {
    const dir = tempDir();
    mkdirSync(path.join(dir, "specs"));
    mkdirSync(path.join(dir, "packages", "fastly"), { recursive: true });
    mkdirSync(path.join(dir, ".changeset"));
    writeFileSync(path.join(dir, "specs", "fastly.yaml"), stringify(base));
    writeFileSync(
      path.join(dir, "packages", "fastly", "package.json"),
      JSON.stringify({ name: "@pkgapi/fastly", version }),
    );
    writeFileSync(path.join(dir, ".changeset", "README.md"), "changesets\n");
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    git(dir, "checkout", "-qb", "change");
    return dir;
  }
  const change = (dir, name) => writeFileSync(path.join(dir, "specs", "fastly.yaml"), stringify(mutated(name)));
  const changeset = (dir, bump) =>
    writeFileSync(path.join(dir, ".changeset", "spec.md"), `---\n"@pkgapi/fastly": ${bump}\n---\n\nchange\n`);
  const run = (dir, ...args) => spawnSync("node", [cli, "--no-types", ...args], { cwd: dir, env, encoding: "utf8" });

  it("passes when the spec did not change (CI on main: base is HEAD)", () => {
    const result = run(repo("1.0.0"), "--check");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/No spec changes/);
  });

  it("refuses a breaking spec change with a minor changeset", () => {
    const dir = repo("1.0.0");
    change(dir, "removing a response field");
    changeset(dir, "minor");
    const result = run(dir, "--check");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /@pkgapi\/fastly: specs\/fastly.yaml changed \(breaking\); needs a major changeset, found minor/,
    );
    changeset(dir, "major");
    expect(run(dir, "--check").status).toBe(0);
  });

  it("refuses a spec change with no changeset, also once committed", () => {
    const dir = repo("1.0.0");
    change(dir, "adding an operation");
    git(dir, "commit", "-qam", "spec change");
    const result = run(dir, "--check");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/needs a minor changeset, found none/);
  });

  it("asks for minor, not major, for a breaking change to a 0.x package", () => {
    const dir = repo("0.1.0");
    change(dir, "renaming an enum value");
    changeset(dir, "patch");
    expect(run(dir, "--check").status).toBe(1);
    changeset(dir, "minor");
    expect(run(dir, "--check").status).toBe(0);
  });

  it("writes the changeset the check then accepts, and reports as JSON", () => {
    const dir = repo("1.0.0");
    change(dir, "changing a 200 body's media type");
    const written = run(dir, "--write-changeset", "--json");
    expect(written.status).toBe(1); // breaking changes found
    const report = JSON.parse(written.stdout);
    expect(report.changeset).toBe(".changeset/spec-fastly.md");
    expect(report.providers[0]).toMatchObject({ provider: "fastly", level: "breaking", bump: "major" });
    expect(run(dir, "--check").status).toBe(0);
  });

  it("exits 2 on a base that does not exist", () => {
    expect(run(repo("1.0.0"), "--base", "no-such-ref").status).toBe(2);
  });
});
