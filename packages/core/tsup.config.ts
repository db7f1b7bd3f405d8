import { defineConfig } from "tsup";
import { tsupConfig } from "../../scripts/lib/package-config.mjs";

export default defineConfig(tsupConfig(["src/index.ts", "src/internal/index.ts"]));
