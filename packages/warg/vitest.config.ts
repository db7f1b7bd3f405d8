import { defineConfig } from "vitest/config";
import { vitestConfig } from "../../scripts/lib/package-config.mjs";

// A third project: the interop tests against the real warg-server and warg CLI (tests/interop).
export default defineConfig(
  vitestConfig({
    projects: [
      {
        name: "interop",
        include: ["tests/interop/**/*.test.ts"],
        globalSetup: ["./tests/interop/global-setup.ts"],
        // Each publish waits for the server's next checkpoint (every 5 s).
        testTimeout: 120_000,
        hookTimeout: 120_000,
      },
    ],
  }),
);
