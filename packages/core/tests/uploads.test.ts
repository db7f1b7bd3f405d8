// Streaming uploads against a real node:http server: exact bytes, progress, retry rules.
import { Readable } from "node:stream";
import { type LocalServer, parseMultipart, readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import { InternalServerError, InvalidParameterError } from "../src/index.js";
import { multipart, openSource, rawBody, sendUpload } from "../src/internal/upload/toolkit.js";
import { capturingRuntime } from "./helpers.js";

const serve = serversPerTest();
let server: LocalServer | undefined;

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 256);

describe("multipart uploads", () => {
  it("streams every part byte-exact with an exact Content-Length, and reports progress", async () => {
    const received: Array<{ headers: Record<string, unknown>; body: Buffer }> = [];
    server = await serve(async (req, res) => {
      received.push({ headers: req.headers, body: await readBody(req) });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const { runtime } = capturingRuntime(server.url);
    const data = bytes(3 * 1024 * 1024 + 17);
    const file = await openSource("file", new Blob([data]), { filename: "app.zip" });
    const body = multipart([
      { name: "resources", value: '[{"path":"a"}]', contentType: "application/json" },
      { name: "bits", file, contentType: "application/zip" },
    ]);
    const progress: number[] = [];
    await sendUpload(runtime, { method: "POST", url: "/upload", body }, { onProgress: (p) => progress.push(p.loaded) });

    const [request] = received;
    expect(Number(request?.headers["content-length"])).toBe(request?.body.length);
    expect(body.length).toBe(request?.body.length);
    const parts = parseMultipart(request?.body as Buffer, request?.headers["content-type"] as string);
    expect(parts.map((p) => p.name)).toEqual(["resources", "bits"]);
    expect(parts[0]?.data.toString()).toBe('[{"path":"a"}]');
    expect(parts[1]?.filename).toBe("app.zip");
    expect(Buffer.compare(parts[1]?.data as Buffer, Buffer.from(data))).toBe(0);
    expect(progress.at(-1)).toBe(body.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("retries an upload from a re-readable source after a 503", async () => {
    let calls = 0;
    server = await serve(async (req, res) => {
      const body = await readBody(req);
      calls++;
      if (calls === 1) res.writeHead(503, { "content-type": "application/json" }).end('{"message":"busy"}');
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ size: body.length }));
    });
    const { runtime } = capturingRuntime(server.url);
    const file = await openSource("file", Buffer.from(bytes(1000)));
    const response = await sendUpload(runtime, { method: "PUT", url: "/upload", body: rawBody(file) });
    expect(await response.json()).toEqual({ size: 1000 });
    expect(calls).toBe(2);
  });

  it("never replays a one-shot stream: the 503 is raised, not retried", async () => {
    server = await serve(async (req, res) => {
      await readBody(req);
      res.writeHead(503, { "content-type": "application/json" }).end('{"message":"busy"}');
    });
    const { runtime } = capturingRuntime(server.url);
    const file = await openSource("file", Readable.from([Buffer.from(bytes(5000))]));
    const error = await sendUpload(runtime, { method: "PUT", url: "/upload", body: rawBody(file) }).catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("stops a stream that outgrows the size limit instead of sending it partially unnoticed", async () => {
    server = await serve(async (req, res) => {
      await readBody(req).catch(() => undefined);
      res.writeHead(200).end();
    });
    const { runtime } = capturingRuntime(server.url);
    const file = await openSource("file", Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 });
    const error = await sendUpload(runtime, { method: "PUT", url: "/upload", body: rawBody(file) }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toMatch(/exceeded the limit of 1000 bytes/);
  });
});

describe("upload sources", () => {
  it("refuses a known-size source over the limit before reading it", async () => {
    await expect(openSource("file", new Uint8Array(11), { maxBytes: 10 })).rejects.toThrow(
      /`file`: is 11 bytes; the limit is 10 bytes/,
    );
  });

  it("names the parameter for a missing path and for unsupported values", async () => {
    await expect(openSource("package", "/no/such/file.tar.gz")).rejects.toThrow(
      /Invalid parameter `package`: cannot read .*ENOENT/,
    );
    await expect(openSource("package", 42 as never)).rejects.toBeInstanceOf(InvalidParameterError);
  });
});
