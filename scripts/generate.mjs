// Regenerates one provider's clients from its spec:
//   openapi-typescript  -> <out>/schema.ts   (types for openapi-fetch)
//   openapi-generator   -> <out>/sdk/        (typescript-fetch classes, seed-style names)
// Usage: node scripts/generate.mjs <provider> [--out <dir>]   (default out: packages/<p>/src/generated)
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { generatedDir, generatorArgs, providers, specPath } from "./lib/paths.mjs";

const [provider, flag, outArg] = process.argv.slice(2);
if (!providers.includes(provider)) throw new Error(`usage: generate.mjs <${providers.join("|")}> [--out dir]`);
const out = flag === "--out" ? path.resolve(outArg) : generatedDir(provider);
const spec = specPath(provider);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// `format: binary` becomes Blob (not string), so uploads and downloads are typed as what they are.
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());
const ast = await openapiTS(new URL(`file://${spec}`), {
  defaultNonNullable: false,
  transform(schema) {
    if (schema.format === "binary") return schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
  },
});
writeFileSync(path.join(out, "schema.ts"), astToString(ast));

execFileSync("java", generatorArgs(provider, path.join(out, "sdk")), { stdio: ["ignore", "ignore", "inherit"] });
// The generator's bookkeeping files are not code and carry no do-not-edit header.
rmSync(path.join(out, "sdk", ".openapi-generator"), { recursive: true, force: true });
rmSync(path.join(out, "sdk", ".openapi-generator-ignore"), { force: true });
writeFileSync(
  path.join(out, "README.md"),
  `# Generated code: do not edit\n\nEverything in this folder is produced by \`npm run generate\` from \`specs/${provider}.yaml\`.\nEdit the spec (or \`openapitools.json\`) and regenerate; \`npm run check:drift\` fails on hand edits.\n`,
);
console.log(`generated ${path.relative(process.cwd(), out) || "."} from specs/${provider}.yaml`);
