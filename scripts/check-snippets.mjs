// Type-checks every ```ts snippet of the READMEs and every example under strict TypeScript, as
// a user would paste them, so none can rot. Each README's snippets form one module, in order
// (imports hoisted), the way a reader follows them; placeholders the prose leaves to the reader
// (a token, a GUID) are declared in PLACEHOLDERS. Run after `npm run build` (types come from dist).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/paths.mjs";

const PLACEHOLDERS = `export {};
declare global {
  /** Values the READMEs leave to the reader. */
  const token: string;
  const guid: string;
  const signal: AbortSignal;
  const serviceId: string;
  const version: number;
  const file: string;
  const blob: Blob;
  const localFilesHash: string;
  const baseUrl: string;
  const packageName: string;
  const logId: string;
  const recordId: string;
  const keyId: string;
  const signature: string;
  const contentBytes: Uint8Array;
  const zipBlob: Blob;
  const resources: unknown[];
  const jobGuid: string;
  const message: Uint8Array;
  const headRecordId: string;
  const otherPublicKey: import("@pkgapi/warg").PublicKey;
}
`;

const dir = path.join(root, "node_modules", ".cache", "pkgapi-snippets");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "placeholders.d.ts"), PLACEHOLDERS);

const readmes = [
  "README.md",
  ...readdirSync(path.join(root, "packages")).map((p) => path.join("packages", p, "README.md")),
];
const files = ["placeholders.d.ts"];
for (const readme of readmes) {
  let text;
  try {
    text = readFileSync(path.join(root, readme), "utf8");
  } catch {
    continue;
  }
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (!blocks.length) continue;
  // Imports are hoisted and merged per module (a reader imports a name once).
  const imports = new Map();
  const body = [];
  for (const [i, block] of blocks.entries()) {
    body.push(`// --- ${readme}, snippet ${i + 1}`);
    for (const line of block.split("\n")) {
      const named = /^import \{([^}]*)\} from "([^"]+)";$/.exec(line);
      if (!named) body.push(line);
      else
        for (const name of named[1].split(","))
          imports.set(named[2], (imports.get(named[2]) ?? new Set()).add(name.trim()));
    }
  }
  const head = [...imports].map(
    ([module, names]) => `import { ${[...names].filter(Boolean).join(", ")} } from "${module}";`,
  );
  const name = `${readme.replace(/[/\\]/g, "_").replace(/\.md$/, "")}.ts`;
  writeFileSync(path.join(dir, name), `${head.join("\n")}\n${body.join("\n")}\nexport {};\n`);
  files.push(name);
}
for (const example of readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".mjs"))) {
  const name = `examples_${example}`;
  writeFileSync(path.join(dir, name), readFileSync(path.join(root, "examples", example), "utf8"));
  files.push(name);
}
writeFileSync(
  path.join(dir, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "es2022",
      module: "preserve",
      moduleResolution: "bundler",
      lib: ["es2022", "dom", "dom.iterable", "dom.asynciterable"],
      types: ["node"],
      allowJs: true,
      checkJs: true,
      skipLibCheck: true,
    },
    files,
  }),
);
try {
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  console.log(`ok   ${files.length - 1} files of README and example snippets type-check (strict)`);
} catch (error) {
  console.log(
    `FAIL snippets do not type-check (generated modules in ${path.relative(root, dir)}):\n${error.stdout}${error.stderr}`,
  );
  process.exitCode = 1;
}
