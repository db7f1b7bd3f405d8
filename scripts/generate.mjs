// Regenerates one provider's clients from its spec:
//   openapi-typescript  -> <out>/schema.ts   (types for openapi-fetch)
//   openapi-generator   -> <out>/sdk/        (typescript-fetch classes, seed-style names)
// Usage: node scripts/generate.mjs <provider> [--out <dir>]   (default out: packages/<p>/src/generated)
// When <out>/inputs.sha256 matches the inputs (see inputsHash) nothing runs, so Java is needed only
// after a spec or generator change. The output is built in a temp dir and swapped in on success.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateArgs, hasJava, inputsHash, javaMissing, openapiGenerator } from "./lib/generator.mjs";
import { generatedDir, providers, specPath } from "./lib/paths.mjs";

const [provider, flag, outArg] = process.argv.slice(2);
if (!providers.includes(provider)) throw new Error(`usage: generate.mjs <${providers.join("|")}> [--out dir]`);
const out = flag === "--out" ? path.resolve(outArg) : generatedDir(provider);
const label = path.relative(process.cwd(), out) || ".";
const stamp = path.join(out, "inputs.sha256");
const hash = inputsHash(provider);

if (existsSync(path.join(out, "sdk")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) {
  console.log(`${label} is up to date with specs/${provider}.yaml (inputs.sha256 matches; generator not run)`);
  process.exit(0);
}
if (!hasJava()) {
  console.error(`generate ${provider}: specs/${provider}.yaml or the generator setup changed, and ${javaMissing}.`);
  process.exit(1);
}

const tmp = mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}-`));
try {
  // Loaded only now: they take a second to import, which a skipped run does not need.
  const [{ default: openapiTS, astToString }, { default: ts }] = await Promise.all([
    import("openapi-typescript"),
    import("typescript"),
  ]);
  // `format: binary` becomes Blob (not string), so uploads and downloads are typed as what they are.
  const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
  const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());
  const ast = await openapiTS(new URL(`file://${specPath(provider)}`), {
    defaultNonNullable: false,
    transform(schema) {
      if (schema.format === "binary") return schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    },
  });
  writeFileSync(path.join(tmp, "schema.ts"), astToString(ast));

  const result = openapiGenerator(generateArgs(provider, path.join(tmp, "sdk")));
  if (result.status !== 0) {
    console.error(`${result.stdout}${result.stderr}`.trim());
    throw new Error(`openapi-generator failed for specs/${provider}.yaml; ${label} is unchanged`);
  }
  // Meant for hand edits protected from regeneration, which this folder never has.
  rmSync(path.join(tmp, "sdk", ".openapi-generator-ignore"), { force: true });
  writeFileSync(
    path.join(tmp, "README.md"),
    `# Generated code: do not edit\n\nEverything in this folder is produced by \`npm run generate\` from \`specs/${provider}.yaml\`.\nEdit the spec (or \`openapitools.json\`) and regenerate; \`npm run check:drift\` fails on hand edits.\n\`inputs.sha256\` fingerprints what it was made from, so an unchanged spec is never regenerated.\n`,
  );
  writeFileSync(path.join(tmp, "inputs.sha256"), `${hash}\n`);

  const old = `${tmp}-old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`generated ${label} from specs/${provider}.yaml`);
