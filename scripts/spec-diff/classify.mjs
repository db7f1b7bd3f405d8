// Classifies the changes between two OpenAPI documents for callers of the generated clients.
// api-smart-diff does the diffing ($refs resolved, so a schema change shows at every operation
// that uses it) and most of the classification; the rules below fix what it gets wrong for a
// client, whose users read responses and compile against the types generated from them.
import { apiCompare } from "api-smart-diff";

export const LEVELS = ["patch", "added", "breaking"];
export const maxLevel = (levels) => LEVELS[Math.max(0, ...levels.map((l) => LEVELS.indexOf(l)))];

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);

/** Our level for one api-smart-diff change, and why when it differs from the library's. */
function level(diff) {
  const { path, action, type } = diff;
  const inResponse = path.includes("responses");
  // The library calls removing a response field non-breaking; code that reads it no longer compiles.
  if (inResponse && action === "remove" && path.at(-2) === "properties")
    return ["breaking", "a response field callers may read was removed"];
  // A response field of another type breaks code that uses it as the old one (the library: non-breaking).
  if (inResponse && action === "replace" && path.at(-1) === "type")
    return ["breaking", "a response field callers may read changed type"];
  // Removing or renaming an enum value in a response breaks code that handles that value.
  if (inResponse && path.includes("enum") && (action === "remove" || action === "replace"))
    return ["breaking", "a response enum value callers may handle was removed or renamed"];
  // A new enum value in a response: non-breaking (minor) for the wire, but code with an exhaustive
  // `switch` over the old values must now handle it; flagged so it is read.
  if (inResponse && path.includes("enum") && action === "add")
    return ["added", "new response enum value: exhaustive switches must handle it"];
  // Examples and extensions are documentation, whatever the library makes of them.
  if (path.some((step) => step === "example" || step === "examples" || String(step).startsWith("x-"))) return ["patch"];
  if (type === "breaking") return ["breaking"];
  if (type === "non-breaking" && action === "add") return ["added"];
  // Library-unknown changes fail safe; they show in the report with the library's word.
  if (type === "unclassified")
    return ["breaking", "not classified by api-smart-diff: treated as breaking until reviewed"];
  return ["patch"];
}

const VERBS = { add: "added", remove: "removed", replace: "changed", rename: "renamed" };
const show = (v) => (v !== null && typeof v === "object" ? JSON.stringify(v).slice(0, 60) : String(v));

function describe({ action, path, before, after }) {
  const what =
    `${VERBS[action] ?? action} ${path.at(-2) === "enum" ? "enum value" : path.at(-2) === "properties" ? "field" : ""}`.trim();
  if (action === "replace" || action === "rename") return `${what}: ${show(before)} → ${show(after)}`;
  return what;
}

// `parameters.0.required` -> `query state.required`; drops the `content`/`schema` steps.
function tidy(at, operation) {
  const param = at[0] === "parameters" && operation?.parameters?.[at[1]];
  const named = param?.name ? [`${param.in} ${param.name}`, ...at.slice(2)] : at;
  return named.filter((step) => step !== "content" && step !== "schema");
}

/** Where a change is: an operation (`GET /items getItem`), a schema, or the document. */
function where(path, doc) {
  if (path[0] === "paths" && METHODS.has(path[2])) {
    const id = doc.paths?.[path[1]]?.[path[2]]?.operationId;
    return {
      group: `${path[2].toUpperCase()} ${path[1]}${id ? ` (${id})` : ""}`,
      at: tidy(path.slice(3), doc.paths[path[1]][path[2]]),
    };
  }
  if (path[0] === "paths") return { group: `${path[1]}`, at: path.slice(2) };
  if (path[0] === "components") return { group: `schema ${path[2]}`, at: path.slice(3), component: true };
  return { group: "document", at: path };
}

/**
 * @returns {{ level: string, changes: { group: string, at: string, level: string, library: string, action: string, description: string, note?: string }[] }}
 */
export function classify(before, after) {
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const changes = diffs.map((diff) => {
    const [lvl, note] = level(diff);
    const loc = where(diff.path, diff.action === "remove" ? before : after);
    return {
      ...loc,
      path: diff.path,
      level: lvl,
      library: diff.type,
      action: diff.action,
      description: describe(diff),
      libraryDescription: diff.description,
      ...(note ? { note } : {}),
    };
  });
  // A change inside a component schema takes the highest level it has where it is used.
  for (const c of changes.filter((c) => c.component)) {
    const tail = c.at.join("/");
    const uses = changes.filter((u) => !u.component && u.action === c.action && u.path.join("/").endsWith(`/${tail}`));
    if (uses.length) c.level = maxLevel(uses.map((u) => u.level));
  }
  return {
    level: changes.length ? maxLevel(changes.map((c) => c.level)) : "none",
    changes: changes.map(({ component, path, at, ...c }) => ({ ...c, at: at.join(".") })),
  };
}
