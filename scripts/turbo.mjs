// `turbo` with its telemetry off, for every npm script (not only in CI): `node scripts/turbo.mjs run build`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("turbo/package.json")), "bin", "turbo");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const result = spawnSync(bin, process.argv.slice(2), { stdio: "inherit", env });
process.exit(result.status ?? 1);
