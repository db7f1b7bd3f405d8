// The public TypeScript surface of a package: every exported symbol of its entry points, walked
// with the TypeScript checker into one line per member (`components.schemas.Item.name` -> `?: string`).
// Two surfaces are compared line by line, so any change to a type users compile against shows,
// whatever the spec diff said about it.
import ts from "typescript";

const MAX_DEPTH = 10;
const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseFullyQualifiedType |
  ts.TypeFormatFlags.WriteArrayAsGenericType;

/**
 * @param {string[]} entries entry files (`src/index.ts`, `src/sdk.ts`)
 * @param {Record<string, string[]>} paths module paths (`@pkgapi/core` -> its source), so a tree resolves its own core
 * @returns {Map<string, string>} member path -> its type
 */
export function surface(entries, paths = {}) {
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    paths,
  });
  const checker = program.getTypeChecker();
  const lines = new Map();
  const seen = new Map(); // type -> first path, so shared and recursive types are walked once

  // Module paths differ between the two trees; the names they qualify do not.
  const text = (type) => checker.typeToString(type, undefined, FLAGS).replace(/import\("[^"]*"\)\./g, "");
  // Only the package's own types are walked; a library's (Request, Headers, Promise…) stays a name.
  const ours = (type) => {
    const decls = (type.aliasSymbol ?? type.getSymbol())?.declarations ?? [];
    return (
      decls.length > 0 &&
      decls.every(
        (d) =>
          !d.getSourceFile().fileName.includes("/node_modules/") &&
          !program.isSourceFileDefaultLibrary(d.getSourceFile()),
      )
    );
  };
  // Our object types are walked member by member, so their own line only says what they are.
  function brief(type) {
    if (type.isUnion()) return [...new Set(type.types.map(brief))].sort().join(" | ");
    if (type.isIntersection()) return type.types.map(brief).join(" & ");
    if (checker.isArrayType(type)) return `Array<${brief(checker.getTypeArguments(type)[0])}>`;
    if (type.flags & ts.TypeFlags.Object && ours(type)) return type.getCallSignatures().length ? "function" : "object";
    return text(type);
  }
  const isPrivate = (prop) =>
    prop.name.startsWith("#") ||
    prop.declarations?.some(
      (d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected),
    );

  function walk(type, at, depth) {
    if (depth > MAX_DEPTH) return;
    if (type.isUnionOrIntersection()) {
      const parts = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
      for (const [i, t] of parts.entries()) walk(t, parts.length > 1 ? `${at}|${i}` : at, depth);
      return;
    }
    if (checker.isArrayType(type)) return walk(checker.getTypeArguments(type)[0], `${at}[]`, depth + 1);
    if (!(type.flags & ts.TypeFlags.Object) || !ours(type)) return;
    if (seen.has(type)) return lines.set(`${at} =`, seen.get(type));
    seen.set(type, at);
    for (const sig of type.getCallSignatures()) signature(sig, `${at}()`, depth);
    for (const sig of type.getConstructSignatures()) signature(sig, `${at} new()`, depth);
    for (const prop of checker.getPropertiesOfType(type)) {
      if (isPrivate(prop) || prop.name.startsWith("__@")) continue;
      const propType = checker.getTypeOfSymbol(prop);
      const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
      lines.set(`${at}.${prop.name}`, `${optional}: ${brief(propType)}`);
      walk(propType, `${at}.${prop.name}`, depth + 1);
    }
  }

  function signature(sig, at, depth) {
    const params = sig
      .getParameters()
      .map((p) => `${p.name}${p.flags & ts.SymbolFlags.Optional ? "?" : ""}: ${brief(checker.getTypeOfSymbol(p))}`);
    const returns = sig.getReturnType();
    const returned = checker.getAwaitedType(returns) ?? returns;
    lines.set(at, `(${params.join(", ")}) => ${returned === returns ? brief(returns) : `Promise<${brief(returned)}>`}`);
    for (const p of sig.getParameters()) walk(nonNullable(checker.getTypeOfSymbol(p)), `${at}.${p.name}`, depth + 1);
    walk(returned, `${at} =>`, depth + 1);
  }

  const nonNullable = (type) => checker.getNonNullableType(type);

  for (const entry of entries) {
    const file = program.getSourceFile(entry);
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`cannot read the exports of ${entry}`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.name;
      if (
        symbol.flags &
        (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum)
      ) {
        const declared = checker.getDeclaredTypeOfSymbol(symbol);
        lines.set(`type ${name}`, brief(declared));
        walk(declared, `type ${name}`, 0);
      }
      if (symbol.flags & ts.SymbolFlags.Value) {
        const valueType = checker.getTypeOfSymbol(symbol);
        lines.set(name, `: ${brief(valueType)}`);
        walk(valueType, name, 0);
      }
    }
  }
  return lines;
}

/** Removed, added and changed lines between two surfaces. */
export function compareSurfaces(before, after) {
  const changes = [];
  for (const [at, type] of before) {
    if (!after.has(at)) changes.push({ kind: "removed", at, before: type });
    else if (after.get(at) !== type) changes.push({ kind: "changed", at, before: type, after: after.get(at) });
  }
  for (const [at, type] of after) if (!before.has(at)) changes.push({ kind: "added", at, after: type });
  return changes;
}
