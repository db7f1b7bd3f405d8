// Client options, input checks (before any request) and Cloud Controller's errors, against a local server.
import { inspect } from "node:util";
import { callWithBadInput, localServer } from "@pkgapi/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCloudFoundryClient, InvalidParameterError, RateLimitError } from "../src/index.js";
import { createConfiguration, PackagesApi } from "../src/sdk.js";
import { APP, cfPackage, GUID, json, TOKEN } from "./helpers.js";

let server: Awaited<ReturnType<typeof localServer>>;
let answer: (res: import("node:http").ServerResponse) => void;
beforeAll(async () => {
  server = await localServer((_req, res) => answer(res));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answer = (res) => json(res, 200, cfPackage(GUID, "READY"));
});

const client = () => createCloudFoundryClient({ token: TOKEN, baseUrl: server.url, maxRetries: 0 });

/** Runs `call`, expects InvalidParameterError naming `param`, and that nothing was sent. */
async function rejects(call: () => PromiseLike<unknown>, param: string, problem?: RegExp) {
  const error = await Promise.resolve()
    .then(call)
    .then(
      () => expect.fail(`accepted, expected a complaint about ${param}`),
      (e: unknown) => e,
    );
  expect(error, param).toBeInstanceOf(InvalidParameterError);
  expect(error).toMatchObject({ param, ...(problem ? { problem: expect.stringMatching(problem) } : {}) });
  expect(server.requests).toHaveLength(0);
}

describe("client options", () => {
  it("requires an http(s) baseUrl and a token", () => {
    for (const baseUrl of [
      undefined,
      "",
      "api.sys.example.com",
      "ftp://api.sys.example.com",
      "https://api.sys.example.com/?x=1",
      "https://api.sys.example.com/#top",
    ]) {
      expect(() => createCloudFoundryClient({ token: TOKEN, baseUrl: baseUrl as string }), String(baseUrl)).toThrow(
        /Invalid parameter `baseUrl`: must be the http\(s\) URL/,
      );
      expect(() => createConfiguration({ token: TOKEN, baseUrl: baseUrl as string })).toThrow(InvalidParameterError);
    }
    for (const token of [undefined, "", "  ", "bearer "]) {
      expect(() => createCloudFoundryClient({ token: token as string, baseUrl: server.url })).toThrow(
        "Invalid parameter `token`",
      );
    }
  });

  it("sends `Authorization: Bearer <token>`, also for a token pasted from `cf oauth-token`", async () => {
    await createCloudFoundryClient({ token: `bearer ${TOKEN}`, baseUrl: `${server.url}/` }).packages.get(GUID);
    await new PackagesApi(createConfiguration({ token: TOKEN, baseUrl: server.url })).getPackage({ guid: GUID });
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      [`/v3/packages/${GUID}`, `Bearer ${TOKEN}`],
      [`/v3/packages/${GUID}`, `Bearer ${TOKEN}`],
    ]);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^pkgapi-cloudfoundry\/0\.1\.0 node\//);
  });
});

describe("input checks", () => {
  it("guid parameters must be GUIDs", async () => {
    const { packages } = client();
    for (const guid of ["", ".", "..", "%2e%2e", "not-a-guid", `${GUID}/x`, `${GUID} `, 42]) {
      await rejects(() => packages.get(guid as string), "guid");
    }
    await rejects(() => packages.get("nope"), "guid", /must be a GUID \(UUID\), e\.g\. 44f7c078-/);
    await rejects(() => packages.update("..", {}), "guid", /dot segment/);
    await rejects(() => packages.delete(""), "guid", /must not be empty/);
    await rejects(() => packages.download("x"), "guid");
    await rejects(() => packages.waitUntilReady("x"), "guid");
    await rejects(() => packages.listForApp("x"), "appGuid");
    await rejects(() => packages.copy({ sourceGuid: "x", appGuid: APP }), "sourceGuid");
    await rejects(() => packages.copy({ sourceGuid: GUID, appGuid: "x" }), "appGuid");
    await rejects(() => packages.create({ type: "bits", appGuid: "" }), "appGuid");
  });

  it("create checks the type and its data", async () => {
    const { packages } = client();
    await rejects(() => packages.create({ type: "cnb", appGuid: APP } as never), "type", /"bits" or "docker"/);
    await rejects(() => packages.create({ type: "docker", appGuid: APP } as never), "data.image");
    await rejects(
      () => packages.create({ type: "bits", appGuid: APP, data: { image: "x" } } as never),
      "data",
      /left out for a bits package/,
    );
  });

  it("list filters are checked and named", async () => {
    const { packages } = client();
    const bad: Array<[Record<string, unknown>, string, RegExp?]> = [
      [{ perPage: 0 }, "perPage", /must be >= 1, got 0/],
      [{ perPage: 5001 }, "perPage", /must be <= 5000, got 5001/],
      [{ perPage: "50" }, "perPage", /must be an integer/],
      [{ page: 0 }, "page"],
      [{ state: ["READY"] }, "state", /is not a filter of list; use page, perPage/],
      [{ states: [] }, "states", /must not be empty/],
      [{ states: "READY" }, "states", /must be an array/],
      [
        { states: ["READY", "DONE"] },
        "states[1]",
        /must be one of AWAITING_UPLOAD, PROCESSING_UPLOAD, READY, FAILED, COPYING, EXPIRED, got "DONE"/,
      ],
      [{ types: ["cnb"] }, "types[0]"],
      [{ orderBy: "name" }, "orderBy"],
      [{ guids: ["x"] }, "guids[0]", /GUID/],
      [{ spaceGuids: [GUID, "a,b"] }, "spaceGuids[1]"],
      [{ labelSelector: "" }, "labelSelector"],
      [{ labelSelector: ["env=prod"] }, "labelSelector"],
      [{ labelSelector: { "bad key": "x" } }, "labelSelector.bad key", /is not a label key/],
      [{ labelSelector: { env: "a,b" } }, "labelSelector.env", /invalid label value "a,b"/],
      [{ labelSelector: { env: { in: [] } } }, "labelSelector.env", /non-empty list/],
      [{ labelSelector: { env: { in: ["a"], not: "b" } } }, "labelSelector.env", /must be a value, \{ not: value \}/],
      [{ labelSelector: { env: true } }, "labelSelector.env"],
      [
        { labelSelector: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) },
        "labelSelector",
        /at most 50/,
      ],
      [{ createdAt: { after: "2024-01-01T00:00:00Z" } }, "createdAt.after", /use gt, gte, lt or lte/],
      [{ createdAt: { gt: "yesterday" } }, "createdAt.gt", /ISO 8601/],
      [{ createdAt: { gt: "2024-01-01T00:00:00" } }, "createdAt.gt", /with a zone/],
      [{ createdAt: { gt: new Date(Number.NaN) } }, "createdAt.gt"],
      [{ updatedAt: ["2024-01-01T00:00:00.5Z"] }, "updatedAt[0]", /fraction of a second/],
      [{ updatedAt: "2024-01-01T00:00:00Z" }, "updatedAt", /list of timestamps or \{ gt, gte, lt, lte \}/],
    ];
    for (const [filters, param, problem] of bad) await rejects(() => packages.list(filters as never), param, problem);
    await rejects(
      () => packages.listForApp(APP, { appGuids: [APP] } as never),
      "appGuids",
      /is not a filter of listForApp/,
    );
    await rejects(() => packages.listForApp(APP, { perPage: 5001 }), "perPage");
  });
});

describe("Cloud Controller's errors", () => {
  it("name the first error's title and detail, keep every error, the request id and the rate limit", async () => {
    const errors = [
      { detail: "Rate Limit Exceeded", title: "CF-RateLimitExceeded", code: 10013 },
      { detail: "second", title: "CF-Other", code: 1 },
    ];
    // As Cloud Controller's limiter answers: Retry-After repeats the reset time (Unix seconds).
    answer = (res) =>
      json(
        res,
        429,
        { errors },
        {
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "1787216400",
          "retry-after": "1787216400",
        },
      );
    const error = await client()
      .packages.get(GUID)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(`429 CF-RateLimitExceeded: Rate Limit Exceeded (GET ${server.url}/v3/packages/${GUID})`);
    expect(error.body).toEqual({ errors });
    expect(error.requestId).toBe("req-1::req-2");
    expect(error.rateLimit).toEqual({ remaining: 0, resetAt: new Date(1787216400 * 1000) });
  });

  describe("the rate limiter's text/plain 429", () => {
    // As middleware/base_rate_limiter.rb answers: the JSON envelope as text/plain, Retry-After in seconds.
    const ENVELOPE = { errors: [{ title: "CF-RateLimitExceeded", detail: "Rate Limit Exceeded", code: 10013 }] };
    const rateLimited = (res: import("node:http").ServerResponse) =>
      res
        .writeHead(429, {
          "content-type": "text/plain; charset=utf-8",
          "retry-after": "1",
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "1787216400",
          "x-vcap-request-id": "req-1::req-2",
        })
        .end(JSON.stringify(ENVELOPE));
    const logged: string[] = [];
    const logger = { debug() {}, info: (line: string) => logged.push(line), warn() {}, error() {} };
    const retrying = (maxRetries: number) =>
      createCloudFoundryClient({ token: TOKEN, baseUrl: server.url, maxRetries, logger, logLevel: "info" });
    beforeEach(() => {
      logged.length = 0;
    });

    it("is retried after Retry-After, and the retry's answer is returned", async () => {
      let calls = 0;
      answer = (res) => (calls++ === 0 ? rateLimited(res) : json(res, 200, cfPackage(GUID, "READY")));
      const pkg = await retrying(2).packages.get(GUID);
      expect(pkg).toMatchObject({ guid: GUID, state: "READY" });
      expect(server.requests.map((r) => r.headers["x-pkgapi-retry-count"])).toEqual([undefined, "1"]);
      // The wait is the server's Retry-After (1 s), not the client's own backoff (0.5 s at most here).
      expect(logged).toEqual([`retrying GET ${server.url}/v3/packages/${GUID} in 1000 ms (429)`]);
    });

    it("becomes a RateLimitError with Cloud Foundry's code 10013 when the retries run out", async () => {
      answer = rateLimited;
      const error = await retrying(1)
        .packages.get(GUID)
        .catch((e) => e);
      expect(server.requests).toHaveLength(2);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.code).toBe(10013);
      expect(error.body).toEqual(ENVELOPE);
      expect(error.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(error.message).toBe(
        `429 CF-RateLimitExceeded: Rate Limit Exceeded (GET ${server.url}/v3/packages/${GUID})`,
      );
      expect(error.rateLimit).toEqual({ remaining: 0, resetAt: new Date(1787216400 * 1000) });
      expect(error.toJSON()).toMatchObject({ status: 429, code: 10013 });

      // The generated SDK goes through the same runtime.
      server.requests.length = 0;
      const sdkError = await new PackagesApi(createConfiguration({ token: TOKEN, baseUrl: server.url, maxRetries: 0 }))
        .getPackage({ guid: GUID })
        .catch((e) => e);
      expect(sdkError).toBeInstanceOf(RateLimitError);
      expect(sdkError.code).toBe(10013);
    });
  });

  it("keep the token out of messages, bodies, inspect and JSON", async () => {
    answer = (res) =>
      json(res, 401, { errors: [{ detail: `Invalid Auth Token ${TOKEN}`, title: "CF-InvalidAuthToken", code: 1000 }] });
    const cf = client();
    const error = await cf.packages.get(GUID).catch((e) => e);
    expect(error.body.errors[0].detail).toBe("Invalid Auth Token ***");
    for (const text of [
      error.message,
      inspect(error, { depth: 20 }),
      JSON.stringify(error),
      inspect(cf, { depth: 20 }),
      JSON.stringify(cf),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});

describe("async methods and bad input", () => {
  it("never throw synchronously: every method hands back a promise that rejects, and nothing is sent", async () => {
    const outcomes = await callWithBadInput(client().packages);
    expect(outcomes.filter((o) => o.threw).map((o) => o.call)).toEqual([]);
    for (const { call, rejection } of outcomes) expect(rejection, call).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });
});
