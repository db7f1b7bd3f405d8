// records.waitFor against a real local server that walks a record through its states.
import type { ServerResponse } from "node:http";
import { localServer } from "@pkgapi/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  createWargClient,
  MissingContentError,
  NotFoundError,
  PkgapiError,
  RecordRejectedError,
  WaitTimeoutError,
} from "../src/index.js";

const ref = {
  logId: "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f",
  recordId: "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce",
};
const digest = "sha256:24eaf3439a60c96764c4f2c92a0a81b52bd4fe5d5b91f090184a0f6486b1bf29";
const states = {
  processing: { recordId: ref.recordId, state: "processing" },
  published: { recordId: ref.recordId, state: "published", registryIndex: 7 },
  rejected: {
    recordId: ref.recordId,
    state: "rejected",
    reason: 'the package record was invalid: the first entry of the log is not "init"',
  },
  sourcing: {
    recordId: ref.recordId,
    state: "sourcing",
    missingContent: {
      [digest]: {
        upload: [
          { type: "http", method: "POST", url: `v1/package/${ref.logId}/record/${ref.recordId}/content/${digest}` },
        ],
      },
    },
  },
};
type State = keyof typeof states;
const fast = { interval: 1, maxInterval: 5 };

let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(() => server?.close());

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** A registry answering the given states in turn, repeating the last one. */
async function registry(...walk: State[]) {
  let polls = 0;
  server = await localServer((_req: unknown, res: ServerResponse) =>
    json(res, 200, states[walk[Math.min(polls++, walk.length - 1)] as State]),
  );
  return { server, records: createWargClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 }).records };
}

describe("records.waitFor", () => {
  it("polls processing → published and returns the published record", async () => {
    const { server, records } = await registry("processing", "processing", "published");
    const record = await records.waitFor(ref, fast);
    expect(record).toEqual(states.published);
    expect(record.registryIndex).toBe(7);
    expect(server.requests).toHaveLength(3);
    // The ids go into the path as they are, `:` included (as warg-client sends them).
    for (const request of server.requests)
      expect(request).toMatchObject({ method: "GET", url: `/v1/package/${ref.logId}/record/${ref.recordId}` });
  });

  it("throws RecordRejectedError with the reason and the record", async () => {
    const { server, records } = await registry("processing", "rejected");
    const failure = await records.waitFor(ref, fast).catch((e) => e);
    expect(failure).toBeInstanceOf(RecordRejectedError);
    expect(failure).toBeInstanceOf(PkgapiError);
    expect(failure.reason).toBe(states.rejected.reason);
    expect(failure.record).toEqual(states.rejected);
    expect(failure.message).toContain(ref.recordId);
    expect(server.requests).toHaveLength(2);
  });

  it("treats `sourcing` as an error: the record cannot be published without its content", async () => {
    const { server, records } = await registry("processing", "sourcing", "published");
    const failure = await records.waitFor(ref, fast).catch((e) => e);
    expect(failure).toBeInstanceOf(MissingContentError);
    expect(failure.digests).toEqual([digest]);
    expect(failure.record).toEqual(states.sourcing);
    expect(server.requests).toHaveLength(2);
  });

  it("waits through `sourcing` with allowSourcing", async () => {
    const { server, records } = await registry("sourcing", "sourcing", "published");
    await expect(records.waitFor(ref, { ...fast, allowSourcing: true })).resolves.toEqual(states.published);
    expect(server.requests).toHaveLength(3);
  });

  it("gives up with WaitTimeoutError when the record never settles", async () => {
    const { server, records } = await registry("processing");
    const failure = await records.waitFor(ref, { ...fast, waitTimeout: 300 }).catch((e) => e);
    expect(failure).toBeInstanceOf(WaitTimeoutError);
    expect(failure.lastValue).toEqual(states.processing);
    expect(failure.message).toContain(`Record ${ref.recordId} of log ${ref.logId}`);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it("stops when the signal aborts, without polling again", async () => {
    const controller = new AbortController();
    server = await localServer((_req: unknown, res: ServerResponse) => {
      res.on("finish", () => controller.abort());
      json(res, 200, states.processing);
    });
    const { records } = createWargClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
    // A long interval: only the abort can end this wait.
    await expect(records.waitFor(ref, { interval: 60_000, signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { server, records } = await registry("published");
    await expect(records.waitFor(ref, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("passes API errors through (404 for an unknown record, with the id in the message)", async () => {
    server = await localServer((_req: unknown, res: ServerResponse) =>
      json(res, 404, { status: 404, type: "record", id: ref.recordId }),
    );
    const { records } = createWargClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
    const failure = await records.waitFor(ref, fast).catch((e) => e);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure.message).toMatch(new RegExp(`^404 record not found: ${ref.recordId} \\(GET `));
    expect(failure.body).toEqual({ status: 404, type: "record", id: ref.recordId });
  });
});
