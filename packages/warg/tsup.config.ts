import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/sdk.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // Error classes are recognised by name across the ESM and CJS builds; keep the names.
  keepNames: true,
  // `node:` stays on the (dynamic) imports, so bundlers for browsers can leave them out.
  removeNodeProtocol: false,
});
