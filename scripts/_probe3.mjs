import { build } from "esbuild";
import { builtinModules } from "node:module";
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: "esm", platform: "browser", splitting: true, outdir: "/tmp/i17/out", external: ["node:*", ...builtinModules], write: false, metafile: true, logLevel: "silent" });
for (const [name, o] of Object.entries(r.metafile.outputs)) {
  if (name.endsWith(".map")) continue;
  console.log(name.split("/").pop(), o.bytes, o.imports.map((i) => i.kind[0] + ":" + i.path.split("/").pop()).join(" "));
  for (const [b, k] of Object.entries(o.inputs).map(([k, v]) => [v.bytesInOutput, k]).sort((a, b) => b[0] - a[0]).slice(0, 8)) console.log("   ", String(b).padStart(7), k.split("packages/").pop());
}
