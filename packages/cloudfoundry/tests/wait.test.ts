// packages.waitUntilReady against a local server whose packages change state as they are polled.

import { serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  createCloudFoundryClient,
  type Job,
  JobFailedError,
  type JobState,
  NotFoundError,
  PackageFailedError,
  type PackageState,
  PkgapiError,
  WaitTimeoutError,
} from "../src/index.js";
import { cfPackage, GUID, json, TOKEN } from "./helpers.js";

const serve = serversPerTest();
type Server = Awaited<ReturnType<typeof serve>>;
let server: Server | undefined;

const FAILURE = "The app package is invalid: Package may not be larger than 1073741824 bytes";

/** Answers the states in turn, one per GET, then repeats the last one. */
async function packageWalking(states: PackageState[], error: string | null = null) {
  let polls = 0;
  server = await serve((_req, res) => {
    const state = states[Math.min(polls++, states.length - 1)] as PackageState;
    json(res, 200, cfPackage(GUID, state, state === "FAILED" ? error : null));
  });
  return { server, client: createCloudFoundryClient({ token: TOKEN, baseUrl: server.url }) };
}

const fast = { interval: 5, maxInterval: 20 };

describe("packages.waitUntilReady", () => {
  it("polls through PROCESSING_UPLOAD until READY and returns the package", async () => {
    const { server, client } = await packageWalking(["PROCESSING_UPLOAD", "PROCESSING_UPLOAD", "READY"]);
    const pkg = await client.packages.waitUntilReady(GUID, fast);
    expect(pkg).toMatchObject({ guid: GUID, state: "READY", data: { checksum: { value: "a".repeat(64) } } });
    expect(server.requests.map((r) => r.url)).toEqual(Array(3).fill(`/v3/packages/${GUID}`));
  });

  it("throws PackageFailedError with data.error when packing fails", async () => {
    const { server, client } = await packageWalking(["PROCESSING_UPLOAD", "FAILED"], FAILURE);
    const error = await client.packages.waitUntilReady(GUID, fast).catch((e) => e);
    expect(error).toBeInstanceOf(PackageFailedError);
    expect(error).toBeInstanceOf(PkgapiError);
    expect(error.reason).toBe(FAILURE);
    expect(error.package).toMatchObject({ guid: GUID, state: "FAILED", data: { error: FAILURE } });
    expect(error.message).toBe(`Package ${GUID} failed: ${FAILURE}`);
    expect(server.requests).toHaveLength(2);
  });

  it("fails on EXPIRED too: the bits are gone and will not come back", async () => {
    const { client } = await packageWalking(["COPYING", "EXPIRED"]);
    const error = await client.packages.waitUntilReady(GUID, fast).catch((e) => e);
    expect(error).toBeInstanceOf(PackageFailedError);
    expect(error.package.state).toBe("EXPIRED");
    expect(error.message).toMatch(/expired/);
  });

  it("gives up with WaitTimeoutError when the package never settles", async () => {
    const { server, client } = await packageWalking(["PROCESSING_UPLOAD"]);
    const error = await client.packages.waitUntilReady(GUID, { ...fast, waitTimeout: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastValue).toMatchObject({ state: "PROCESSING_UPLOAD" });
    expect(error.message).toBe(`Package ${GUID} did not settle within 100 ms`);
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it("stops when the caller aborts, and passes API errors through", async () => {
    const { client } = await packageWalking(["PROCESSING_UPLOAD"]);
    const controller = new AbortController();
    const waiting = client.packages.waitUntilReady(GUID, { interval: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
    await server?.close();

    server = await serve((_req, res) =>
      json(res, 404, { errors: [{ detail: "Package not found", title: "CF-ResourceNotFound", code: 10010 }] }),
    );
    const missing = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    await expect(missing.packages.waitUntilReady(GUID, fast)).rejects.toBeInstanceOf(NotFoundError);
  });
});

const JOB = "c33a5caf-77e0-4d6e-b587-5555d339bc9a";
const BLOB_ERROR = {
  detail: "Failed to perform blobstore operation after three retries.",
  title: "CF-BlobstoreError",
  code: 150007,
};

/** A job as Cloud Controller presents it (app/presenters/v3/job_presenter.rb). */
function cfJob(state: JobState): Job {
  return {
    guid: JOB,
    created_at: "2026-08-21T08:40:12Z",
    updated_at: "2026-08-21T08:40:14Z",
    operation: "package.delete",
    state,
    errors: state === "FAILED" ? [BLOB_ERROR] : [],
    warnings: [],
    links: { self: { href: `https://api.cf.example/v3/jobs/${JOB}` } },
  };
}

/** DELETE answers 202 naming the job; each job GET answers the next state, then repeats the last one. */
async function jobWalking(states: JobState[]) {
  let polls = 0;
  server = await serve((req, res) => {
    if (req.method === "DELETE") return res.writeHead(202, { location: `${server?.url}/v3/jobs/${JOB}` }).end();
    json(res, 200, cfJob(states[Math.min(polls++, states.length - 1)] as JobState));
  });
  return { server, client: createCloudFoundryClient({ token: TOKEN, baseUrl: server.url }) };
}

describe("jobs", () => {
  it("packages.delete() answers a job that wait() follows through PROCESSING and POLLING to COMPLETE", async () => {
    const { server, client } = await jobWalking(["PROCESSING", "POLLING", "COMPLETE"]);
    const pending = await client.packages.delete(GUID);
    expect(pending).toMatchObject({ guid: JOB, url: `${server.url}/v3/jobs/${JOB}` });
    const job = await pending.wait(fast);
    expect(job).toEqual(cfJob("COMPLETE"));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /v3/packages/${GUID}`,
      ...Array(3).fill(`GET /v3/jobs/${JOB}`),
    ]);
  });

  it("a FAILED job throws JobFailedError carrying the job's errors", async () => {
    const { client } = await jobWalking(["PROCESSING", "FAILED"]);
    const error = await client.jobs.wait(JOB, fast).catch((e) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toBeInstanceOf(PkgapiError);
    expect(error.errors).toEqual([BLOB_ERROR]);
    expect(error.job).toEqual(cfJob("FAILED"));
    expect(error.message).toBe(`Job ${JOB} (package.delete) failed: CF-BlobstoreError: ${BLOB_ERROR.detail}`);
  });

  it("get() reads one state; a job that never settles ends in WaitTimeoutError; bad guids are refused before sending", async () => {
    const { server, client } = await jobWalking(["PROCESSING"]);
    expect(await client.jobs.get(JOB)).toMatchObject({ state: "PROCESSING" });
    const error = await client.jobs.wait(JOB, { ...fast, waitTimeout: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastValue).toMatchObject({ state: "PROCESSING" });
    const sent = server.requests.length;
    await expect(client.jobs.get("not-a-guid")).rejects.toMatchObject({ name: "InvalidParameterError", param: "guid" });
    await expect(client.jobs.wait("")).rejects.toMatchObject({ name: "InvalidParameterError", param: "guid" });
    expect(server.requests).toHaveLength(sent);
  });
});
