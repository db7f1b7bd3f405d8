// The reference warg-server for the interop tests: a fresh one per run, on a free loopback port,
// with a new operator key and a temporary content directory (its data store is in memory).
// `node scripts/warg/server.mjs` starts one by hand and prints its URL until Ctrl-C.
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const WARG_VERSION = "0.10.0";

/** Where scripts/warg/install.sh puts the binaries (same variables). */
export function wargBinDir() {
  const cache = process.env.PKGAPI_CACHE || path.join(os.homedir(), ".cache", "pkgapi");
  return path.join(cache, `warg-${WARG_VERSION}`, "bin");
}

/** The installed binaries, or undefined when they are not installed. */
export function wargBinaries() {
  const dir = wargBinDir();
  const server = path.join(dir, "warg-server");
  const cli = path.join(dir, "warg");
  return existsSync(server) && existsSync(cli) ? { server, cli } : undefined;
}

/** A new P-256 operator key in warg's text form (`ecdsa-p256:` + base64 of the 32-byte scalar). */
function operatorKey() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return `ecdsa-p256:${Buffer.from(privateKey.export({ format: "jwk" }).d, "base64url").toString("base64")}`;
}

/**
 * Starts warg-server; resolves once `GET /v1/fetch/checkpoint` answers 200.
 * @param {{ namespace?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, log: () => string, stop: () => Promise<void> }>} `url` is the registry root.
 */
export async function startWargServer({ namespace = "example", timeoutMs = 30_000 } = {}) {
  const binaries = wargBinaries();
  if (!binaries)
    throw new Error(`warg-server ${WARG_VERSION} is not installed in ${wargBinDir()}; run scripts/warg/install.sh`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-warg-server-"));
  const child = spawn(binaries.server, ["--listen", "127.0.0.1:0", "--content-dir", dir, "--namespace", namespace], {
    stdio: ["ignore", "pipe", "pipe"],
    // The key goes through the environment, not the command line (which `ps` shows).
    env: { ...process.env, WARG_OPERATOR_KEY: operatorKey(), NO_COLOR: "1", RUST_LOG_STYLE: "never" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + timeoutMs;
    let url;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`warg-server exited with code ${child.exitCode}`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes from the server's log
      url ??= /listening on (\S+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ""))?.[1];
      if (
        url &&
        (await fetch(`http://${url}/v1/fetch/checkpoint`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        return { url: `http://${url}`, log: () => output, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`warg-server did not answer within ${timeoutMs} ms`);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${output}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startWargServer();
  console.log(`warg-server ${WARG_VERSION}: ${server.url}/v1 (namespace example); Ctrl-C stops it`);
  process.once("SIGINT", () => void server.stop());
}
