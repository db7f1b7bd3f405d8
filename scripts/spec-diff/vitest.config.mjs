import { defineConfig } from "vitest/config";

// Run by `npm test` (scripts/test-all.mjs counts the JSON report).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["test/**/*.test.mjs"],
    testTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
