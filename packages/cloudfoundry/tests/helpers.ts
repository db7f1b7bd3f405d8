// Shared by the local-server tests: Cloud Controller-shaped answers.
import type { ServerResponse } from "node:http";
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
