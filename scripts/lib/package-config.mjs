// The build and test configuration every package shares (each package's tsup.config.ts and
// vitest.config.ts only name what differs).

/**
 * tsup: dual ESM + CJS builds with type declarations.
 * @param {string[]} entry
 * @returns {import("tsup").Options}
 */
export function tsupConfig(entry) {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    // Error classes are recognised by name across the ESM and CJS builds; keep the names.
    keepNames: true,
    // `node:` stays on the (dynamic) imports, so bundlers for browsers can leave them out.
    removeNodeProtocol: false,
  };
}

/**
 * vitest: a JSON report for the summary line; providers start their Prism in a global setup;
 * every test runs under the no-egress guard.
 * @returns {import("vitest/config").ViteUserConfig}
 */
export function vitestConfig({ contract = true } = {}) {
  return {
    test: {
      ...(contract ? { globalSetup: ["./tests/global-setup.ts"] } : {}),
      include: ["tests/**/*.test.ts"],
      // Tests never leave the machine: a non-loopback connection fails the test.
      setupFiles: [new URL("./no-egress.mjs", import.meta.url).pathname],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: ["default", "json"],
      outputFile: { json: ".test-results/vitest.json" },
    },
  };
}
