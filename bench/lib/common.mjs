// Helpers shared by the benchmark sections: child processes, the local server, statistics.
import { spawn } from "node:child_process";
import { rmSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));
export const root = path.resolve(benchDir, "..");
export const MiB = 1024 * 1024;

export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs a command; resolves with its exit code, output and wall time (ms). Never rejects. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      ...options,
      env: { ...process.env, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", (error) => resolve({ code: -1, stdout, stderr: String(error), ms: performance.now() - started }));
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Runs a bench child script (node) and returns the JSON object on its last stdout line. */
export async function runChild(script, args, options = {}) {
  const result = await run(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(benchDir, script), ...args],
    options,
  );
  const last = result.stdout.trim().split("\n").pop();
  try {
    return JSON.parse(last);
  } catch {
    return {
      error: `${script} ${args.join(" ")} exited ${result.code}: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" | ")}`,
    };
  }
}

/** Starts bench/server.mjs in its own process. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(benchDir, "server.mjs")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.once("error", reject);
    child.stdout.once("data", (line) => {
      const { port } = JSON.parse(String(line).split("\n")[0]);
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        /** Body bytes the server read per upload since the last call. */
        stats: async () => (await fetch(`${url}/__stats`)).json(),
        stop: () => child.kill(),
      });
    });
  });
}

const tempFiles = new Set();
/** A sparse file of `bytes` zero bytes in the temp dir: costs no disk, reads from the page cache. */
export function sparseFile(name, bytes) {
  const file = path.join(os.tmpdir(), `pkgapi-bench-${process.pid}-${name}`);
  writeFileSync(file, "");
  truncateSync(file, bytes);
  tempFiles.add(file);
  return file;
}
export function removeTempFiles() {
  for (const file of tempFiles) rmSync(file, { force: true });
  tempFiles.clear();
}
process.on("exit", removeTempFiles);

export const fmtMiB = (bytes) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 2 : 0)} MiB`;
export const fmtMs = (ms) =>
  ms < 10 ? `${ms.toFixed(2)} ms` : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
