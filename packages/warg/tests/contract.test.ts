// Every operation × declared status × named example, through all three clients, against Prism
// (`--errors`): the shared table of @pkgapi/testing/contract, then the checks the table cannot make.
import { readFileSync } from "node:fs";
import { withHeaders } from "@pkgapi/testing";
import { contractTable } from "@pkgapi/testing/contract";
import { describe, expect, inject, it } from "vitest";
import { APIError, createWargClient } from "../src/index.js";
import { createConfiguration, FetchApi, type FetchLogsRequest, PackageApi } from "../src/sdk.js";
import { record, ref, request } from "./fixtures.js";

const baseUrl = inject("mockUrl");
const tagged = (client: string) => ({ baseUrl, maxRetries: 0, headers: { "x-contract-client": client } });
const facade = createWargClient(tagged("facade"));
const raw = createWargClient(tagged("fetch")).raw;
const sdk = new PackageApi(createConfiguration(tagged("sdk")));
const fetchSdk = new FetchApi(createConfiguration(tagged("sdk")));
const sdkWith = (headers: Record<string, string>) => sdk.withPreMiddleware(withHeaders(headers));
const fetchSdkWith = (headers: Record<string, string>) => fetchSdk.withPreMiddleware(withHeaders(headers));

const logsRequest = { logLength: 3, packages: { [ref.logId]: null } };
// typescript-fetch 5.0.0-beta2 drops `nullable` from map values (it types them `string`).
const sdkLogsRequest = logsRequest as unknown as FetchLogsRequest;

/** What the facade's message says for a 409's typed body (`{ status, type, id }`); a 404's says `<type> not found`. */
const conflicts: Record<string, string> = {
  namespaceImport: "conflict: the namespace is imported from another registry",
  record: "conflict: a record for this log is pending",
};
/** The message starts with `expected` (shown whole when it does not). */
const startsWith = (message: string, expected: string) => expect(message.slice(0, expected.length)).toBe(expected);

contractTable({
  spec: new URL("../../../specs/warg.yaml", import.meta.url),
  APIError,
  operations: {
    getPackageRecord: {
      facade: (headers) => facade.records.get(ref, { headers }),
      fetch: (headers) => raw.GET("/package/{logId}/record/{recordId}", { params: { path: ref }, headers }),
      sdk: (headers) => sdkWith(headers).getPackageRecord(ref),
    },
    publishPackageRecord: {
      facade: (headers) => facade.records.publish(request, { headers }),
      fetch: (headers) =>
        raw.POST("/package/{logId}/record", { params: { path: { logId: ref.logId } }, body: request, headers }),
      sdk: (headers) =>
        sdkWith(headers).publishPackageRecord({ logId: ref.logId, publishPackageRecordRequest: request }),
    },
    fetchCheckpoint: {
      facade: (headers) => facade.logs.checkpoint({ headers }),
      fetch: (headers) => raw.GET("/fetch/checkpoint", { headers }),
      sdk: (headers) => fetchSdkWith(headers).fetchCheckpoint({}),
    },
    fetchLogs: {
      facade: (headers) => facade.logs.fetch(logsRequest, { headers }),
      fetch: (headers) => raw.POST("/fetch/logs", { body: logsRequest, headers }),
      sdk: (headers) => fetchSdkWith(headers).fetchLogs({ fetchLogsRequest: sdkLogsRequest }),
    },
  },
  // The message names the status and what the body says: its text, its message, or its type and id.
  expectError(failure, { method, code }) {
    const body = failure.body;
    expect(failure.request.method).toBe(method);
    startsWith(failure.message, `${code} `);
    if (typeof body === "string") expect(failure.message).toContain(body);
    else if ("message" in body) startsWith(failure.message, `${code} ${body.message}`);
    else {
      const what = code === 409 ? conflicts[body.type] : `${body.type} not found`;
      startsWith(failure.message, `${code} ${what}${typeof body.id === "string" ? `: ${body.id}` : ""}`);
    }
  },
});

describe("publishPackageRecord 202", () => {
  it("through the facade with the record as bytes (base64-encoded for the wire)", async () => {
    const bytes = Uint8Array.from(atob(record.contentBytes), (c) => c.charCodeAt(0));
    const answer = await facade.records.publish(
      { ...request, record: { ...record, contentBytes: bytes } },
      { headers: { prefer: "example=processing" } },
    );
    expect(answer).toEqual({ recordId: ref.recordId, state: "processing" });
  });
});

describe("the mock enforces the spec", () => {
  it("rejects requests that violate it (uppercase hex id, body without `record`)", async () => {
    const upper = await fetch(`${baseUrl}/package/${ref.logId.toUpperCase()}/record/${ref.recordId}`, {
      headers: { "x-contract-client": "probe" },
    });
    expect(upper.status).toBeGreaterThanOrEqual(400);
    expect(upper.headers.get("sl-violations") ?? (await upper.text())).toMatch(/logId|pattern/i);

    const noRecord = await fetch(`${baseUrl}/package/${ref.logId}/record`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-contract-client": "probe" },
      body: JSON.stringify({ packageName: request.packageName }),
    });
    expect(noRecord.status).toBe(422);
    expect(noRecord.headers.get("sl-violations")).toMatch(/record/);
  });

  it("found no violation in any request of the three clients", () => {
    const log = readFileSync(new URL("../.test-results/contract.jsonl", import.meta.url), "utf8");
    const entries = log
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { client: string; violations?: string });
    const ours = entries.filter((entry) => entry.client !== "probe");
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter((entry) => entry.violations)).toEqual([]);
  });
});
