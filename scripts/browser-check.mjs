// Works beyond Node: bundles each provider's built ESM entry for the browser (esbuild,
// platform browser, `node:*` left external) and runs it in a fresh VM context that has only
// web-platform globals — no `process`, `require` or `Buffer`. There it makes real calls
// against Prism: a read, and for Fastly an upload from a Blob (the fetch upload path).
// Any `node:` module on that path would fail to load.
import path from "node:path";
import vm from "node:vm";
import { startPrism } from "@pkgapi/testing/prism";
import { build } from "esbuild";
import { root, specPath } from "./lib/paths.mjs";

const WEB_GLOBALS = [
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "Blob",
  "File",
  "URL",
  "URLSearchParams",
  "AbortController",
  "AbortSignal",
  "TextEncoder",
  "TextDecoder",
  "ReadableStream",
  "TransformStream",
  "WritableStream",
  "crypto",
  "setTimeout",
  "clearTimeout",
  "queueMicrotask",
  "structuredClone",
  "atob",
  "btoa",
  "Event",
  "EventTarget",
  "DOMException",
  "console",
];

const checks = {
  fastly: `
    const client = api.createFastlyClient({ token: "t", baseUrl });
    const pkg = await client.packages.get({ serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1 });
    const up = await client.packages.upload({ serviceId: "SU1Z0isxPaozGVKXdv0eY", version: 1, file: new File([new Uint8Array([31, 139, 8, 0])], "app.tar.gz"), verifyHashsum: false });
    return pkg.id + " " + up.package.id;`,
  warg: `
    const client = api.createWargClient({ baseUrl });
    const logId = await api.logIdFor("example:greeter");
    const record = await client.records.get({ logId, recordId: "sha256:" + "b".repeat(64) });
    return logId.slice(0, 15) + " " + record.state;`,
  cloudfoundry: `
    const client = api.createCloudFoundryClient({ token: "t", baseUrl });
    const page = await client.packages.list({ perPage: 2 });
    return page.items.length + " packages";`,
};

let failed = 0;
for (const [name, body] of Object.entries(checks)) {
  const mock = await startPrism(specPath(name));
  try {
    const bundle = await build({
      entryPoints: [path.join(root, "packages", name, "dist", "index.js")],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "api",
      platform: "browser",
      external: ["node:*"],
      logLevel: "silent",
    });
    const code = bundle.outputFiles[0].text;
    const staticNode = /\brequire\(["']node:|^import [^(]*from ["']node:/m.exec(code);
    if (staticNode) throw new Error(`static node: import in the browser bundle: ${staticNode[0]}`);
    // undici (proxies, dispatchers) is Node-only: loaded at run time there, never bundled.
    if (/\b(class|var|let|const) EnvHttpProxyAgent\b|EnvHttpProxyAgent = class\b/.test(code))
      throw new Error("undici landed in the browser bundle");
    const context = vm.createContext(Object.fromEntries(WEB_GLOBALS.map((key) => [key, globalThis[key]])));
    context.self = context.window = context;
    vm.runInContext(code, context);
    const result = await vm.runInContext(`(async (baseUrl) => {${body}\n})`, context)(mock.url);
    console.log(`ok   ${name} in a browser-like context (${(code.length / 1024).toFixed(0)} kB bundle): ${result}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name} in a browser-like context: ${error.stack ?? error}`);
  } finally {
    await mock.stop();
  }
}
if (failed) process.exit(1);
