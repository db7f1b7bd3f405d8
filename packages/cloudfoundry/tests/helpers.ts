// Shared by the local-server tests: Cloud Controller-shaped answers and a streaming multipart reader.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Package, PackageState } from "../src/index.js";

export const TOKEN = "cf-test-token-do-not-leak";
export const GUID = "44f7c078-0934-470f-9883-4fcddc5b8f13";
export const APP = "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5";

/** A package as Cloud Controller presents it. */
export function cfPackage(guid: string, state: PackageState, error: string | null = null): Package {
  const self = `https://api.cf.example/v3/packages/${guid}`;
  return {
    guid,
    created_at: "2026-08-20T09:12:44Z",
    updated_at: "2026-08-20T09:13:02Z",
    type: "bits",
    data: { error, checksum: { type: "sha256", value: state === "READY" ? "a".repeat(64) : null } },
    state,
    relationships: { app: { data: { guid: APP } } },
    metadata: { labels: {}, annotations: {} },
    links: {
      self: { href: self },
      upload: { href: `${self}/upload`, method: "POST" },
      download: { href: `${self}/download` },
      app: { href: `https://api.cf.example/v3/apps/${APP}` },
    },
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-vcap-request-id": "req-1::req-2",
      ...headers,
    })
    .end(JSON.stringify(body));
}

export interface ReceivedPart {
  head: string;
  size: number;
  sha1: string;
  /** The first 64 KiB, for small text parts. */
  start: Buffer;
}

/**
 * Reads a multipart/form-data body as it streams in and hashes each part, holding back only the
 * bytes that might begin the next boundary (so a 200 MB upload is never in memory).
 */
export async function receiveMultipart(req: IncomingMessage): Promise<{ parts: ReceivedPart[]; bytes: number }> {
  const boundary = /boundary=([^;]+)/.exec(req.headers["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error(`not multipart: ${req.headers["content-type"]}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: ReceivedPart[] = [];
  let state: "preamble" | "afterDelimiter" | "head" | "body" | "done" = "preamble";
  let pending = Buffer.from("\r\n"); // so that the first boundary looks like every later one
  let part: { head: string; size: number; hash: ReturnType<typeof createHash>; start: Buffer[] } | undefined;
  let bytes = 0;
  const take = (data: Buffer) => {
    if (!part || !data.length) return;
    part.hash.update(data);
    if (part.size < 65536) part.start.push(data.subarray(0, 65536 - part.size));
    part.size += data.length;
  };
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    pending = Buffer.concat([pending, chunk]);
    for (let progress = true; progress; ) {
      progress = false;
      if (state === "preamble" || state === "body") {
        const at = pending.indexOf(delimiter);
        if (at === -1) {
          const keep = Math.max(0, pending.length - delimiter.length + 1);
          if (state === "body") take(pending.subarray(0, keep));
          pending = pending.subarray(keep);
        } else {
          if (state === "body" && part) {
            take(pending.subarray(0, at));
            parts.push({
              head: part.head,
              size: part.size,
              sha1: part.hash.digest("hex"),
              start: Buffer.concat(part.start),
            });
          }
          pending = pending.subarray(at + delimiter.length);
          state = "afterDelimiter";
          progress = true;
        }
      } else if (state === "afterDelimiter" && pending.length >= 2) {
        state = pending.subarray(0, 2).toString() === "--" ? "done" : "head";
        pending = pending.subarray(2);
        progress = state === "head";
      } else if (state === "head") {
        const end = pending.indexOf("\r\n\r\n");
        if (end !== -1) {
          part = { head: pending.subarray(0, end).toString(), size: 0, hash: createHash("sha1"), start: [] };
          pending = pending.subarray(end + 4);
          state = "body";
          progress = true;
        }
      }
    }
  }
  if (state !== "done") throw new Error(`multipart body ended early (in ${state})`);
  return { parts, bytes };
}
