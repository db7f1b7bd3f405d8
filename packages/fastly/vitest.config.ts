import { defineConfig } from "vitest/config";
import { vitestConfig } from "../../scripts/lib/package-config.mjs";

export default defineConfig(vitestConfig());
