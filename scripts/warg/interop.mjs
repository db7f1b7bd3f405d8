// The interop setup: a real warg-server, `prism proxy specs/warg.yaml <server> --errors` in front
// of it, and a small router in front of both that every client (the SDK, the warg CLI) talks to.
// Requests for an operation of the spec go through Prism, which validates request and answer
// against the spec; the rest of warg's API (not in the spec: content uploads and downloads,
// proofs, package names, ledger) goes straight to the server. Every exchange is logged as a JSON
// line: { via: "prism" | "direct", client, method, path, status, violations }.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { startPrism } from "@pkgapi/testing/prism";
import { parse } from "yaml";
import { specPath } from "../lib/paths.mjs";
import { startWargServer } from "./server.mjs";

/** Path templates of the spec (under `/v1`) as regular expressions. */
function specRoutes() {
  const spec = parse(readFileSync(specPath("warg"), "utf8"));
  return Object.entries(spec.paths).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    methods: Object.keys(item).filter((key) => key !== "parameters"),
  }));
}

/**
 * Prism replaces any upstream `501` with its own problem document, so requests that can only be
 * answered 501 (a `Warg-Registry` header, `contentSources`) are sent with `x-interop-direct: 1`
 * and bypass it; their answers are checked by the tests themselves.
 */
const DIRECT = "x-interop-direct";

export async function startInterop({ logFile }) {
  const server = await startWargServer();
  const prism = await startPrism(specPath("warg"), { upstream: `${server.url}/v1` }).catch(async (error) => {
    await server.stop();
    throw error;
  });
  const routes = specRoutes();
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, "");

  const router = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://router");
    const inSpec =
      url.pathname.startsWith("/v1/") &&
      routes.some(
        (route) =>
          route.pattern.test(url.pathname.slice(3)) && route.methods.includes((req.method ?? "").toLowerCase()),
      );
    const viaPrism = inSpec && req.headers[DIRECT] === undefined;
    // Prism's upstream is the server's `/v1`, so Prism is asked for the path without it.
    const target = new URL(viaPrism ? prism.url : server.url);
    const forwardPath = viaPrism ? `${url.pathname.slice(3)}${url.search}` : `${url.pathname}${url.search}`;
    const headers = { ...req.headers, host: target.host };
    delete headers[DIRECT];
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: forwardPath, headers },
      (answer) => {
        const contentType = String(answer.headers["content-type"] ?? "");
        const entry = {
          via: viaPrism ? "prism" : "direct",
          // The SDK's runtime sends `pkgapi-warg/<version> …`; the warg CLI sends no such agent.
          client: String(req.headers["user-agent"] ?? "").startsWith("pkgapi-warg/") ? "sdk" : "warg-cli",
          method: req.method,
          path: url.pathname,
          status: answer.statusCode,
          // Prism reports violations in `sl-violations`; with --errors an invalid answer becomes a problem document.
          violations:
            answer.headers["sl-violations"] ??
            (viaPrism && contentType.includes("problem+json") ? "problem document from Prism" : undefined),
        };
        appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`interop router: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise((resolve) => router.listen(0, "127.0.0.1", resolve));
  const { port } = router.address();
  return {
    /** The registry root every client uses; the API is under `/v1`. */
    url: `http://127.0.0.1:${port}`,
    serverLog: server.log,
    async stop() {
      await new Promise((resolve) => router.close(resolve));
      await prism.stop();
      await server.stop();
    },
  };
}

/** The logged exchanges. */
export function readInteropLog(logFile) {
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
