// Adds an API: `npm run new-provider -- <name> <spec.yaml>` creates packages/<name> from the spec
// (both generated layers, a facade with one typed resource per tag, profile, errors, validators,
// a contract-test table of every operation × status, README) and registers it in the workspace,
// openapitools.json, the size budgets and the changesets. Everything else (turbo, test-all,
// coverage, docs, lint, CI) reads the provider list from the workspaces. Then `npm test` runs its
// contract tests; a spec with `info.x-pkgapi-contract: complete` must be covered 100%.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { operationsOf, resolver } from "@pkgapi/testing/spec";
import { parse } from "yaml";
import { root } from "./lib/paths.mjs";

const [name, specArg] = process.argv.slice(2);
if (!name || !specArg || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  console.error("usage: npm run new-provider -- <name (lowercase, e.g. petstore)> <spec.yaml>");
  process.exit(1);
}
const dir = path.join(root, "packages", name);
if (existsSync(dir) || ["core", "testing"].includes(name)) throw new Error(`packages/${name} exists already`);
const spec = parse(readFileSync(specArg, "utf8"));

const words = (text) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const pascal = (text) =>
  words(text)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
const camel = (text) => pascal(text).replace(/^./, (c) => c.toLowerCase());
const Name = pascal(name);
const nameCamel = camel(name);
const ref = resolver(spec);
const write = (file, text) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

// ---- what the spec says
const operations = [];
for (const { template, method, item, operation: op } of operationsOf(spec)) {
  if (!op.operationId) throw new Error(`${method.toUpperCase()} ${template} has no operationId`);
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(ref);
  const body = ref(op.requestBody);
  const media = body?.content?.["application/json"];
  if (body && !media)
    throw new Error(`${op.operationId}: only JSON request bodies are generated; write this one by hand`);
  const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
  operations.push({
    id: op.operationId,
    tag: op.tags?.[0] ?? "default",
    summary: op.summary ?? op.description ?? "",
    method,
    template,
    path: parameters.filter((p) => p.in === "path"),
    query: parameters.some((p) => p.in === "query"),
    body: media && { required: !!body.required, schema: media.schema, example: media.example },
    returnsJson: ok.some(([, response]) => ref(response).content?.["application/json"]),
  });
}
const tags = [...new Set(operations.map((op) => op.tag))];
const schemes = spec.components?.securitySchemes ?? {};
const scheme = ref(Object.values(schemes)[0]);
const auth =
  scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer"
    ? { header: "Authorization", value: `(token) => \`Bearer \${token}\`` }
    : scheme?.type === "apiKey" && scheme.in === "header"
      ? { header: scheme.name, value: "(token) => token" }
      : undefined;
const baseUrl = spec.servers?.[0]?.url;
// The error body: the JSON schema of the first error response that names one.
const errorSchema = operations
  .flatMap((op) => Object.entries(spec.paths[op.template][op.method].responses ?? {}))
  .filter(([status]) => !/^2/.test(status))
  .map(([, response]) => ref(response).content?.["application/json"]?.schema?.$ref)
  .find(Boolean)
  ?.split("/")
  .at(-1);

// A value the spec accepts, for the contract table: the example, else one built from the schema.
function sample(schema) {
  const s = ref(schema) ?? {};
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.type === "object" || s.properties)
    return Object.fromEntries((s.required ?? []).map((key) => [key, sample(s.properties?.[key])]));
  if (s.type === "array") return s.minItems ? [sample(s.items)] : [];
  if (s.type === "integer" || s.type === "number") return s.minimum ?? 1;
  if (s.type === "boolean") return true;
  if (s.format === "uuid") return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  if (s.format === "date-time") return "2026-01-01T00:00:00Z";
  return "a1";
}
const paramSample = (p) => p.example ?? sample(p.schema);
const isInteger = (p) => ["integer", "number"].includes(ref(p.schema)?.type);

// ---- the package
const core = JSON.parse(readFileSync(path.join(root, "packages", "core", "package.json"), "utf8"));
const fastly = JSON.parse(readFileSync(path.join(root, "packages", "fastly", "package.json"), "utf8"));
write(
  "package.json",
  json({
    name: `@pkgapi/${name}`,
    version: "0.1.0",
    description: `Typed client for the ${spec.info?.title ?? Name} API.`,
    license: "MIT",
    keywords: [name, "sdk", "openapi"],
    repository: { ...fastly.repository, directory: `packages/${name}` },
    homepage: fastly.homepage.replace("/fastly#", `/${name}#`),
    bugs: fastly.bugs,
    type: "module",
    sideEffects: false,
    engines: fastly.engines,
    files: fastly.files,
    main: fastly.main,
    module: fastly.module,
    types: fastly.types,
    exports: fastly.exports,
    scripts: { ...fastly.scripts, generate: `node ../../scripts/generate.mjs ${name}` },
    dependencies: { "@pkgapi/core": core.version, "openapi-fetch": fastly.dependencies["openapi-fetch"] },
    publishConfig: fastly.publishConfig,
  }),
);
for (const file of ["LICENSE", "tsconfig.json", "tsup.config.ts", "vitest.config.ts"]) {
  copyFileSync(path.join(root, "packages", "fastly", file), path.join(dir, file));
}
const turbo = JSON.parse(readFileSync(path.join(root, "packages", "fastly", "turbo.json"), "utf8"));
turbo.tasks.generate.inputs = turbo.tasks.generate.inputs.map((input) => input.replace("fastly.yaml", `${name}.yaml`));
write("turbo.json", json(turbo));

write(
  "src/profile.ts",
  `import type { ProviderProfile } from "@pkgapi/core/internal";
import { version } from "../package.json";

/** How the ${spec.info?.title ?? Name} API authenticates and reports errors. */
export const ${nameCamel}Profile: ProviderProfile = {
  name: "@pkgapi/${name}",
  version,
${baseUrl ? `  defaultBaseUrl: ${JSON.stringify(baseUrl)},\n` : ""}${auth ? `  auth: { header: ${JSON.stringify(auth.header)}, value: ${auth.value} },\n` : ""}  errorMessage(body) {
    const { message, detail } = body as { message?: unknown; detail?: unknown };
    return {
      message: typeof message === "string" ? message : undefined,
      detail: typeof detail === "string" ? detail : undefined,
    };
  },
};
`,
);

write(
  "src/client.ts",
  `import type { ClientOptions, Token } from "@pkgapi/core";
import { openapiClient, Runtime, tokenParam } from "@pkgapi/core/internal";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { ${nameCamel}Profile } from "./profile.js";
${tags.map((tag) => `import { ${pascal(tag)} } from "./resources/${tag}.js";`).join("\n")}

export interface ${Name}ClientOptions extends ClientOptions {
  /** The API token${auth ? `, sent as \`${auth.header}\`` : ""}, or a function returning one (asked again after a 401). */
  token?: Token;
}

export interface ${Name}Client {
${tags.map((tag) => `  ${camel(tag)}: ${pascal(tag)};`).join("\n")}
  /** The typed openapi-fetch client on the same runtime; answers \`{ data, error, response }\`. */
  raw: Client<paths>;
}

/** A client for the ${spec.info?.title ?? Name} API. */
export function create${Name}Client(options: ${Name}ClientOptions = {}): ${Name}Client {
  const runtime = ${nameCamel}Runtime(options);
  const api = openapiClient<paths>(runtime, true);
  return {
${tags.map((tag) => `    ${camel(tag)}: new ${pascal(tag)}(runtime, api),`).join("\n")}
    raw: openapiClient<paths>(runtime, false),
  };
}

/** The runtime every client of this API (facade, raw, SDK) runs on. */
export function ${nameCamel}Runtime({ token, ...options }: ${Name}ClientOptions = {}): Runtime {
  return new Runtime(${nameCamel}Profile, options, token === undefined ? undefined : tokenParam("token", token));
}
`,
);

write(
  "src/errors.ts",
  `import { apiErrorGuard } from "@pkgapi/core/internal";
${errorSchema ? `import type { components } from "./generated/schema.js";\n` : ""}
/** The API's error body. */
export type ${Name}ErrorBody = ${errorSchema ? `components["schemas"][${JSON.stringify(errorSchema)}]` : "Record<string, unknown>"};

/** True for an \`APIError\` with this API's error body; \`error.body\` is then typed. */
export const is${Name}Error = apiErrorGuard<${Name}ErrorBody>((body) => typeof body === "object");
`,
);

const paramsType = (op) => {
  const parts = [];
  if (op.path.length) parts.push(`operations[${JSON.stringify(op.id)}]["parameters"]["path"]`);
  if (op.query) parts.push(`{ query?: operations[${JSON.stringify(op.id)}]["parameters"]["query"] }`);
  if (op.body) {
    const type = `NonNullable<operations[${JSON.stringify(op.id)}]["requestBody"]>["content"]["application/json"]`;
    parts.push(`{ body${op.body.required ? "" : "?"}: ${type} }`);
  }
  return parts.join(" & ");
};
const hasParams = (op) => op.path.length || op.query || op.body;
const usesInteger = operations.some((op) => op.path.some(isInteger));
const usesString = operations.some((op) => op.path.some((p) => !isInteger(p)));
const usesBody = operations.some((op) => op.body);
write(
  "src/params.ts",
  `/** The parameters of each operation, and their checks, run before any request is sent. */
${usesBody ? `import { InvalidParameterError } from "@pkgapi/core";\n` : ""}${
  usesInteger || usesString
    ? `import { ${[usesInteger && "integerParam", usesString && "pathParam"].filter(Boolean).join(", ")} } from "@pkgapi/core/internal";\n`
    : ""
}import type { operations } from "./generated/schema.js";
${operations
  .filter(hasParams)
  .map((op) => `\nexport type ${pascal(op.id)}Params = ${paramsType(op)};`)
  .join("")}
${operations
  .filter((op) => op.path.length)
  .map(
    (op) => `
/** The path parameters of \`${op.id}\`, checked. */
export function ${op.id}Path(params: ${pascal(op.id)}Params) {
  return {
${op.path.map((p) => `    ${p.name}: ${isInteger(p) ? "integerParam" : "pathParam"}(${JSON.stringify(p.name)}, params?.${p.name}),`).join("\n")}
  };
}
`,
  )
  .join("")}${
  usesBody
    ? `
/** A JSON request body: an object (the server checks the rest). */
export function jsonBody<T>(value: T): T {
  if (typeof value !== "object" || value === null) {
    throw new InvalidParameterError({ param: "body", problem: "must be an object" });
  }
  return value;
}
`
    : ""
}`,
);

for (const tag of tags) {
  const ops = operations.filter((op) => op.tag === tag);
  const imports = [
    ...ops.filter(hasParams).map((op) => `type ${pascal(op.id)}Params`),
    ...ops.filter((op) => op.path.length).map((op) => `${op.id}Path`),
    ...(ops.some((op) => op.body) ? ["jsonBody"] : []),
  ];
  const method = (op) => {
    const init = [
      op.path.length || op.query
        ? `params: { ${[op.path.length && `path: ${op.id}Path(params)`, op.query && "query: params?.query"].filter(Boolean).join(", ")} }`
        : "",
      op.body ? "body: jsonBody(params?.body)" : "",
      "...this.call(options)",
    ].filter(Boolean);
    const call = `this.api.${op.method.toUpperCase()}(${JSON.stringify(op.template)}, { ${init.join(", ")} })`;
    const args = hasParams(op)
      ? `params: ${pascal(op.id)}Params, options?: RequestOptions`
      : "options?: RequestOptions";
    return `
  /** ${op.summary || op.id} (\`${op.method.toUpperCase()} ${op.template}\`). */
  async ${op.id}(${args}) {
    ${op.returnsJson ? `return this.data(${call});` : `await ${call};`}
  }
`;
  };
  write(
    `src/resources/${tag}.ts`,
    `import type { RequestOptions } from "@pkgapi/core";
import { APIResource } from "@pkgapi/core/internal";
import type { paths } from "../generated/schema.js";
${imports.length ? `import { ${imports.join(", ")} } from "../params.js";\n` : ""}
/** ${spec.tags?.find((t) => t.name === tag)?.description ?? `The \`${tag}\` operations.`} */
export class ${pascal(tag)} extends APIResource<paths> {${ops.map(method).join("")}}
`,
  );
}

write(
  "src/sdk.ts",
  `/**
 * The generated seed-style SDK, wired to the pkgapi runtime: the token is added per request,
 * failures throw the typed errors of \`@pkgapi/core\`.
 */
import { sdkConfiguration } from "@pkgapi/core/internal";
import { type ${Name}ClientOptions, ${nameCamel}Runtime } from "./client.js";
import { Configuration } from "./generated/sdk/index.js";

export * from "./generated/sdk/index.js";

export function createConfiguration(options: ${Name}ClientOptions = {}): Configuration {
  return new Configuration(sdkConfiguration(${nameCamel}Runtime(options)));
}
`,
);

// The public surface of core every provider passes on, as fastly lists it.
const fastlyIndex = readFileSync(path.join(root, "packages", "fastly", "src", "index.ts"), "utf8");
const coreExports = fastlyIndex.slice(
  0,
  fastlyIndex.indexOf(`} from "@pkgapi/core";`) + `} from "@pkgapi/core";`.length,
);
write(
  "src/index.ts",
  `${coreExports}
export { create${Name}Client, type ${Name}Client, type ${Name}ClientOptions } from "./client.js";
export { is${Name}Error, type ${Name}ErrorBody } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
${
  operations.some(hasParams)
    ? `export type { ${operations
        .filter(hasParams)
        .map((op) => `${pascal(op.id)}Params`)
        .join(", ")} } from "./params.js";\n`
    : ""
}export { ${nameCamel}Profile } from "./profile.js";
${tags.map((tag) => `export type { ${pascal(tag)} } from "./resources/${tag}.js";`).join("\n")}
`,
);

// ---- tests: the contract table
const sdkArgs = (op) => {
  const args = Object.fromEntries(op.path.map((p) => [p.name, paramSample(p)]));
  if (op.body) {
    const key = op.body.schema?.$ref ? camel(op.body.schema.$ref.split("/").at(-1)) : `${op.id}Request`;
    args[key] = op.body.example ?? sample(op.body.schema);
  }
  return args;
};
const row = (op) => {
  const path = Object.fromEntries(op.path.map((p) => [p.name, paramSample(p)]));
  const body = op.body && (op.body.example ?? sample(op.body.schema));
  const facadeParams = hasParams(op) ? `${JSON.stringify({ ...path, ...(body ? { body } : {}) })}, ` : "";
  const init = [
    op.path.length && `params: { path: ${JSON.stringify(path)} }`,
    body && `body: ${JSON.stringify(body)}`,
    "headers",
  ]
    .filter(Boolean)
    .join(", ");
  return `  ${op.id}: {
    facade: (headers) => facade.${camel(op.tag)}.${op.id}(${facadeParams}{ headers }),
    fetch: (headers) => raw.${op.method.toUpperCase()}(${JSON.stringify(op.template)}, { ${init} }),
    sdk: (headers) => sdk.${camel(op.tag)}.withPreMiddleware(withHeaders(headers)).${op.id}(${JSON.stringify(sdkArgs(op))}),
  },`;
};
write(
  "tests/global-setup.ts",
  readFileSync(path.join(root, "packages", "fastly", "tests", "global-setup.ts"), "utf8").replace(
    `contractMock("fastly"`,
    `contractMock(${JSON.stringify(name)}`,
  ),
);
write(
  "tests/contract.test.ts",
  `// Every operation × every declared status, through the facade, openapi-fetch and the SDK, against Prism.
import { withHeaders } from "@pkgapi/testing";
import { contractTable } from "@pkgapi/testing/contract";
import { inject } from "vitest";
import { APIError, create${Name}Client } from "../src/index.js";
import { ${tags.map((tag) => `${pascal(tag)}Api`).join(", ")}, createConfiguration } from "../src/sdk.js";

const tagged = (client: string) => ({
  token: "contract-test-token",
  baseUrl: inject("mockUrl"),
  maxRetries: 0,
  headers: { "x-contract-client": client },
});
const facade = create${Name}Client(tagged("facade"));
const raw = create${Name}Client(tagged("fetch")).raw;
const sdk = {
${tags.map((tag) => `  ${camel(tag)}: new ${pascal(tag)}Api(createConfiguration(tagged("sdk"))),`).join("\n")}
};

contractTable({
  spec: new URL("../../../specs/${name}.yaml", import.meta.url),
  APIError,
  operations: {
${operations.map(row).join("\n")}
  },
});
`,
);

write(
  "README.md",
  `# @pkgapi/${name}

A typed client for the ${spec.info?.title ?? Name} API, generated from \`specs/${name}.yaml\` by
\`npm run new-provider\`, over the shared \`@pkgapi/core\` runtime.

\`\`\`sh
npm install @pkgapi/${name}
\`\`\`

\`\`\`ts
import { create${Name}Client } from "@pkgapi/${name}";

const client = create${Name}Client({ token: "…" });
\`\`\`

${tags
  .map(
    (tag) =>
      `- \`client.${camel(tag)}\`: ${operations
        .filter((op) => op.tag === tag)
        .map((op) => `\`${op.id}\``)
        .join(", ")}`,
  )
  .join("\n")}
- \`client.raw\`: the typed openapi-fetch client; \`@pkgapi/${name}/sdk\`: the generated SDK.

Errors, retries, timeouts and \`withResponse\` are those of [\`@pkgapi/core\`](../core/README.md).
`,
);

// ---- registration
copyFileSync(specArg, path.join(root, "specs", `${name}.yaml`));
const rootPkgFile = path.join(root, "package.json");
const rootPkg = JSON.parse(readFileSync(rootPkgFile, "utf8"));
rootPkg.workspaces = [
  ...rootPkg.workspaces.filter((w) => w !== "packages/testing"),
  `packages/${name}`,
  "packages/testing",
];
writeFileSync(rootPkgFile, json(rootPkg));
const toolsFile = path.join(root, "openapitools.json");
const tools = JSON.parse(readFileSync(toolsFile, "utf8"));
tools["generator-cli"].generators[name] = {
  ...tools["generator-cli"].generators.fastly,
  inputSpec: `specs/${name}.yaml`,
  output: `packages/${name}/src/generated/sdk`,
};
writeFileSync(toolsFile, json(tools));
writeFileSync(
  path.join(root, ".changeset", `${name}-initial.md`),
  `---\n"@pkgapi/${name}": minor\n---\n\nFirst release: a typed client for the ${spec.info?.title ?? Name} API.\n`,
);

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
run("npm", ["install", "--no-audit", "--no-fund"]);
run("node", ["scripts/generate.mjs", name]);
run("npx", ["biome", "check", "--write", `packages/${name}`]);
run("node", ["scripts/turbo.mjs", "run", "build", `--filter=@pkgapi/${name}`]);

// The size budget: 2% over what it measures now, as for the others.
const { bundleSize } = await import("./check-size.mjs");
const { gzip } = await bundleSize(path.join(dir, "dist", "index.js"));
const limitsFile = path.join(root, "size-limits.json");
const limits = JSON.parse(readFileSync(limitsFile, "utf8"));
limits.limits[`@pkgapi/${name}`] = Math.ceil((gzip * 1.02) / 50) * 50;
writeFileSync(limitsFile, json(limits));
console.log(`\npackages/${name} is ready: \`npx turbo run test --filter=@pkgapi/${name}\`, then \`npm test\`.`);
