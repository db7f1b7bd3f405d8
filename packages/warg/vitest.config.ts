import { defineConfig } from "vitest/config";
import { vitestConfig } from "../../scripts/lib/package-config.mjs";

const { test } = vitestConfig({ contract: false });

// Two projects in one run (one JSON report): the tests against Prism's mock and local servers,
// and the interop tests against the real warg-server and warg CLI (tests/interop).
export default defineConfig({
  test: {
    reporters: test?.reporters,
    outputFile: test?.outputFile,
    projects: [
      {
        extends: true,
        test: { ...test, name: "unit", exclude: ["tests/interop/**"], globalSetup: ["./tests/global-setup.ts"] },
      },
      {
        extends: true,
        test: {
          ...test,
          name: "interop",
          include: ["tests/interop/**/*.test.ts"],
          globalSetup: ["./tests/interop/global-setup.ts"],
          // Each publish waits for the server's next checkpoint (every 5 s).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
