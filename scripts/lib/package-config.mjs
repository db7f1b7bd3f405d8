// The build and test configuration every package shares (each package's tsup.config.ts and
// vitest.config.ts only name what differs).

import { fileURLToPath } from "node:url";

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
    // No keepNames: error classes carry their own `static kind` (their name, and their brand across
    // the ESM and CJS builds); esbuild's name-keeping wrappers would cost bytes and tree-shaking.
    // `node:` stays on the (dynamic) imports, so bundlers for browsers can leave them out.
    removeNodeProtocol: false,
  };
}

/**
 * vitest: a JSON report for the summary line, every test under the no-egress guard, and two
 * projects, run together by `vitest run` or alone with `--project unit` / `--project contract`
 * (`npm run test:unit`, `npm run test:contract`): `unit` (local servers, no Prism) and, for a
 * provider, `contract` (tests/contract.test.ts against Prism, started in its global setup).
 * @param {{ contract?: boolean, projects?: object[] }} options `projects`: more, e.g. warg's interop
 * @returns {import("vitest/config").ViteUserConfig}
 */
export function vitestConfig({ contract = true, projects = [] } = {}) {
  const shared = {
    // Tests never leave the machine: a non-loopback connection fails the test.
    setupFiles: [fileURLToPath(import.meta.resolve("@pkgapi/testing/no-egress"))],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  };
  const unit = {
    ...shared,
    name: "unit",
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/contract.test.ts", "tests/interop/**"],
  };
  const contractProject = {
    ...shared,
    name: "contract",
    include: ["tests/contract.test.ts"],
    globalSetup: ["./tests/global-setup.ts"],
  };
  return {
    test: {
      reporters: ["default", "json"],
      outputFile: { json: ".test-results/vitest.json" },
      projects: [
        unit,
        ...(contract ? [contractProject] : []),
        ...projects.map((project) => ({ ...shared, ...project })),
      ].map((test) => ({
        extends: true,
        test,
      })),
    },
  };
}
