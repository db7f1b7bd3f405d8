// One transport for everything: a real local forward proxy counts what passes through it —
// JSON calls, streamed uploads and downloads — whether it comes from a dispatcher, HTTP_PROXY,
// or the caller's own fetch.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { forwardProxy, localServer, readBody } from "@pkgapi/testing";
import { ProxyAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { download, Runtime } from "../src/internal/index.js";
import { multipart, openSource, sendUpload } from "../src/internal/upload/toolkit.js";
import { testProfile } from "./helpers.js";

const PROXY_VARS = ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"] as const;
const savedEnv = Object.fromEntries(PROXY_VARS.map((name) => [name, process.env[name]]));
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const name of PROXY_VARS) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await Promise.all(closers.splice(0).map((close) => close()));
});

const FILE_BYTES = 300_000;

/** The API: answers JSON, takes an upload (counting its bytes), serves a download. */
async function api() {
  const received: number[] = [];
  const server = await localServer((req, res) => {
    readBody(req).then((body) => {
      if (req.url === "/download")
        return res.writeHead(200, { "content-type": "application/zip" }).end(Buffer.alloc(200_000, 7));
      if (req.method === "POST") received.push(body.length);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
    });
  });
  closers.push(server.close);
  return { server, received };
}

async function proxy() {
  const p = await forwardProxy();
  closers.push(p.close);
  return p;
}

function file(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pkgapi-proxy-"));
  const name = path.join(dir, "bits.zip");
  writeFileSync(name, Buffer.alloc(FILE_BYTES, 1));
  return name;
}

/** A JSON call, a streamed upload from a path, and a download, all on one runtime. */
async function everything(runtime: Runtime) {
  const json = await (await runtime.send({ method: "GET", url: "/thing" })).json();
  const bits = await openSource("bits", file());
  await sendUpload(runtime, { method: "POST", url: "/upload", body: multipart([{ name: "bits", file: bits }]) });
  const got = await download(runtime, "/download");
  const size = (await new Response(got.stream).arrayBuffer()).byteLength;
  return { json, size };
}

describe("proxies", () => {
  it("a dispatcher (undici ProxyAgent) carries JSON calls, uploads and downloads", async () => {
    const { server, received } = await api();
    const p = await proxy();
    const runtime = new Runtime(
      testProfile,
      { baseUrl: server.url, logLevel: "off", dispatcher: new ProxyAgent(p.url) },
      "t",
    );
    expect(await everything(runtime)).toEqual({ json: { ok: true }, size: 200_000 });
    expect(received[0]).toBeGreaterThan(FILE_BYTES);
    expect(p.stats.requests.length).toBeGreaterThan(0);
    expect(p.stats.bytesUp).toBeGreaterThan(FILE_BYTES);
    expect(p.stats.bytesDown).toBeGreaterThan(200_000);
  });

  it("HTTP_PROXY is honoured with no option at all, uploads and downloads included", async () => {
    const { server, received } = await api();
    const p = await proxy();
    process.env.HTTP_PROXY = p.url;
    const runtime = new Runtime(testProfile, { baseUrl: server.url, logLevel: "off" }, "t");
    expect(await everything(runtime)).toEqual({ json: { ok: true }, size: 200_000 });
    expect(received).toHaveLength(1);
    expect(p.stats.bytesUp).toBeGreaterThan(FILE_BYTES);
    expect(p.stats.bytesDown).toBeGreaterThan(200_000);
  });

  it("NO_PROXY exempts a host, as curl and undici read it", async () => {
    const { server } = await api();
    const p = await proxy();
    process.env.HTTP_PROXY = p.url;
    process.env.NO_PROXY = new URL(server.url).host;
    const runtime = new Runtime(testProfile, { baseUrl: server.url, logLevel: "off" }, "t");
    expect(await everything(runtime)).toEqual({ json: { ok: true }, size: 200_000 });
    expect(p.stats.requests).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("the caller's fetch carries uploads too, streamed", async () => {
    const { server, received } = await api();
    const seen: string[] = [];
    const ownFetch: typeof fetch = (input, init) => {
      seen.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    const runtime = new Runtime(testProfile, { baseUrl: server.url, logLevel: "off", fetch: ownFetch }, "t");
    await everything(runtime);
    expect(seen).toEqual(["GET /thing", "POST /upload", "GET /download"]);
    expect(received[0]).toBeGreaterThan(FILE_BYTES);
  });
});
