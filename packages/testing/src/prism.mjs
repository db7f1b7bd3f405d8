// Starts `prism mock --errors` for a spec on a free port, behind a small recording proxy that
// notes every exchange (client tag, method, path, status) for the contract-coverage report.
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { root, specPath } from "../../../scripts/lib/paths.mjs";

const prismBin = path.join(root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

/**
 * Starts Prism, as a mock or, given `upstream`, as a validating proxy in front of a real server
 * (`prism proxy`); resolves with its URL once it listens, rejects with its output if it fails.
 */
export function startPrism(spec, { port = 0, timeoutMs = 60_000, upstream } = {}) {
  const mode = upstream
    ? ["proxy", "-h", "127.0.0.1", "-p", String(port), "--errors", spec, upstream]
    : ["mock", "-h", "127.0.0.1", "-p", String(port), "--errors", spec];
  const child = spawn(process.execPath, [prismBin, ...mode], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", SCARF_ANALYTICS: "false" },
  });
  let log = "";
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Prism did not start within ${timeoutMs} ms for ${spec}:\n${log}`));
    }, timeoutMs);
    const onExit = (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited before listening (code ${code}, signal ${signal}) for ${spec}:\n${log}`));
    };
    const onData = (chunk) => {
      log += chunk.toString();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes from Prism's log
      const match = /Prism is listening on (http:\/\/[^\s\x1b]+)/.exec(log.replace(/\x1b\[[0-9;]*m/g, ""));
      if (!match) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout.off("data", onData);
      child.stdout.resume(); // keep draining so Prism never blocks on a full pipe
      child.stderr.resume();
      resolve({ url: match[1], stop });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (log += chunk.toString()));
    child.once("exit", onExit);
  });
}

/**
 * Stands in, on a loopback port of its own (another origin), for the hosts the specs' examples
 * name in `Location` (a signed S3 URL): tests never leave the machine. Answers a tiny zip and
 * says what it stood in for (`x-standin-for`) and whether a credential came along.
 */
async function startExternalStandIn() {
  const server = http.createServer((req, res) => {
    const [, host, rest] = /^\/([^/]+)(.*)$/.exec(req.url ?? "/") ?? [];
    res.writeHead(200, {
      "content-type": "application/zip",
      "x-standin-for": `https://${host}${rest ?? ""}`,
      "x-saw-authorization": req.headers.authorization ? "yes" : "no",
    });
    res.end(Buffer.from("PK\u0005\u0006"));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * A proxy in front of `target` that appends one JSON line per exchange to `logFile`. A redirect's
 * absolute `Location` naming another host is rewritten onto a local stand-in for that host.
 */
export async function startRecorder(target, logFile) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, "");
  const upstream = new URL(target);
  const external = await startExternalStandIn();
  const server = http.createServer((req, res) => {
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const entry = {
          client: req.headers["x-contract-client"] ?? "unknown",
          method: req.method,
          path: req.url,
          status: answer.statusCode,
          violations: answer.headers["sl-violations"],
        };
        appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
        const location = answer.headers.location;
        const redirect = (answer.statusCode ?? 0) >= 300 && (answer.statusCode ?? 0) < 400;
        if (redirect && location && /^https?:\/\//.test(location) && new URL(location).hostname !== "127.0.0.1") {
          const away = new URL(location);
          answer.headers.location = `${external.url}/${away.host}${away.pathname}${away.search}`;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`recorder: ${error.message}`);
    });
    req.pipe(forward);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      const stop = () => new Promise((done) => server.close(() => done())).then(external.stop);
      resolve({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}

/** What a provider's vitest globalSetup needs: Prism + recorder, provided to tests as `mockUrl`. */
export async function contractMock(provider, project) {
  const prism = await startPrism(specPath(provider));
  const recorder = await startRecorder(
    prism.url,
    path.join(root, "packages", provider, ".test-results", "contract.jsonl"),
  );
  project.provide("mockUrl", recorder.url);
  return async () => {
    await recorder.stop();
    await prism.stop();
  };
}
