// Contract coverage: which operation × declared status pairs the contract tests exercised
// against Prism, per client (facade, openapi-fetch, generated SDK), from the recorder's logs.
// A spec whose info has `x-pkgapi-contract: complete` must be covered 100% by every client.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { operationsOf } from "@pkgapi/testing/spec";
import { parse } from "yaml";
import { providers, root, specPath } from "./lib/paths.mjs";

const CLIENTS = ["facade", "fetch", "sdk"];

function declaredPairs(spec) {
  const pairs = [];
  for (const { template, method, operation } of operationsOf(spec)) {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`,
    );
    const statuses = Object.keys(operation.responses ?? {});
    for (const status of statuses)
      pairs.push({ operationId: operation.operationId, method: method.toUpperCase(), pattern, status, statuses });
  }
  return pairs;
}

/** A logged status counts for a declared one, or for `default` when it matches nothing declared. */
const covers = (pair, entry) =>
  entry.method === pair.method &&
  pair.pattern.test(entry.path.split("?")[0]) &&
  (String(entry.status) === pair.status ||
    (pair.status === "default" && !pair.statuses.includes(String(entry.status))));

let failed = false;
for (const provider of process.argv.slice(2).length ? process.argv.slice(2) : providers) {
  const spec = parse(readFileSync(specPath(provider), "utf8"));
  const pairs = declaredPairs(spec);
  const logFile = path.join(root, "packages", provider, ".test-results", "contract.jsonl");
  const entries = existsSync(logFile)
    ? readFileSync(logFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  const missing = [];
  let covered = 0;
  for (const pair of pairs) {
    const by = CLIENTS.filter((client) => entries.some((entry) => entry.client === client && covers(pair, entry)));
    if (by.length === CLIENTS.length) covered++;
    else
      missing.push(
        `${pair.operationId} ${pair.status} (missing: ${CLIENTS.filter((c) => !by.includes(c)).join(", ")})`,
      );
  }
  const complete = spec.info?.["x-pkgapi-contract"] === "complete";
  const percent = pairs.length ? Math.floor((covered / pairs.length) * 100) : 0;
  console.log(
    `contract coverage ${provider}: ${covered}/${pairs.length} operation×status pairs (${percent}%) through ${CLIENTS.join(", ")}${complete ? "" : " [spec not marked complete]"}`,
  );
  for (const line of missing) console.log(`  not covered: ${line}`);
  if (complete && covered < pairs.length) failed = true;
}
if (failed) process.exit(1);
