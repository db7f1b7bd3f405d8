// list and listForApp against local node:http servers: pages, `next.href`, filters on the wire.

import { serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import { createCloudFoundryClient, InvalidResponseError } from "../src/index.js";
import { APP, cfPackage, json, TOKEN } from "./helpers.js";

const serve = serversPerTest();

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/**
 * Cloud Controller's list: `per_page` packages a page, three pages, with absolute `next` links
 * that repeat the query (sorted, as Rails writes them). `nextOrigin` hosts the later pages.
 */
async function fakeList(options: { total?: number; nextOrigin?: () => string } = {}) {
  const total = options.total ?? 7;
  const server = await serve((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 50);
    const pages = Math.max(1, Math.ceil(total / perPage));
    const link = (n: number) => {
      const query = new URLSearchParams({
        ...Object.fromEntries(url.searchParams),
        page: String(n),
        per_page: String(perPage),
      });
      query.sort();
      return { href: `${options.nextOrigin?.() ?? server.url}${url.pathname}?${query}` };
    };
    const first = (page - 1) * perPage;
    json(res, 200, {
      pagination: {
        total_results: total,
        total_pages: pages,
        first: link(1),
        last: link(pages),
        next: page < pages ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
      },
      resources: Array.from({ length: Math.max(0, Math.min(perPage, total - first)) }, (_, i) =>
        cfPackage(guid(first + i + 1), "READY"),
      ),
    });
  });
  return server;
}

describe("list", () => {
  it("`await` gives page 1 only, with Cloud Foundry's pagination info", async () => {
    const server = await fakeList();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const page = await client.packages.list({ perPage: 3 });
    expect(page.items.map((p) => p.guid)).toEqual([guid(1), guid(2), guid(3)]);
    expect(page.pagination).toMatchObject({
      total_results: 7,
      total_pages: 3,
      previous: null,
      next: { href: `${server.url}/v3/packages?page=2&per_page=3` },
    });
    expect(page.hasNextPage()).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("`for await` yields every package of every page, in order, following next.href as given", async () => {
    const server = await fakeList();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const seen: string[] = [];
    for await (const pkg of client.packages.list({ perPage: 3, states: ["READY"] })) seen.push(pkg.guid);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map(guid));
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v3/packages?per_page=3&states=READY",
      "/v3/packages?page=2&per_page=3&states=READY",
      "/v3/packages?page=3&per_page=3&states=READY",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("iterates pages with iterPages, and stops on an empty list", async () => {
    const server = await fakeList({ total: 0 });
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const pages = [];
    for await (const page of (await client.packages.list()).iterPages()) pages.push(page.items.length);
    expect(pages).toEqual([0]);
  });

  it("rebases next.href onto baseUrl: a link naming another host never leaves the API", async () => {
    const elsewhere = await fakeList();
    const api = await fakeList({ nextOrigin: () => elsewhere.url });
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: api.url });
    const seen = [];
    for await (const pkg of client.packages.list({ perPage: 5 })) seen.push(pkg.guid);
    expect(seen).toHaveLength(7);
    expect(elsewhere.requests).toHaveLength(0);
    expect(api.requests.map((r) => r.url)).toEqual(["/v3/packages?per_page=5", "/v3/packages?page=2&per_page=5"]);
    expect(api.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("keeps the path of a baseUrl behind a gateway when rebasing", async () => {
    const api = await fakeList({ nextOrigin: () => "https://api.internal.example" });
    const gateway = await serve((req, res) => {
      // A path-prefix gateway: /cf/v3/... is the API's /v3/...
      const upstream = new URL((req.url ?? "/").replace(/^\/cf/, ""), api.url);
      fetch(upstream, { headers: { authorization: String(req.headers.authorization) } }).then(async (answer) => {
        res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      });
    });
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: `${gateway.url}/cf` });
    const seen = [];
    for await (const pkg of client.packages.list({ perPage: 3 })) seen.push(pkg.guid);
    expect(seen).toHaveLength(7);
    expect(gateway.requests.map((r) => r.url)).toEqual([
      "/cf/v3/packages?per_page=3",
      "/cf/v3/packages?page=2&per_page=3",
      "/cf/v3/packages?page=3&per_page=3",
    ]);
  });
});

describe("filters on the wire", () => {
  it("render as Cloud Controller's query syntax", async () => {
    const server = await fakeList();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    await client.packages.list({
      states: ["READY", "FAILED"],
      types: ["bits", "docker"],
      guids: [guid(1), guid(2)],
      appGuids: [APP],
      spaceGuids: [guid(3)],
      organizationGuids: [guid(4)],
      labelSelector: {
        env: "prod",
        tier: { in: ["web", "api"] },
        "example.com/owner": { notIn: ["a", "b"] },
        region: { not: "eu" },
        legacy: { exists: false },
        canary: { exists: true },
      },
      createdAt: { gt: "2024-01-01T00:00:00Z", lt: new Date("2024-02-01T00:00:00.001Z") },
      updatedAt: [new Date("2024-03-01T12:00:00Z"), "2024-03-02"],
      orderBy: "-created_at",
      page: 2,
      perPage: 5000,
    });
    const url = server.requests[0]?.url ?? "";
    // Lists are one comma-separated value, not a repeated key.
    expect(url).toContain("states=READY,FAILED&types=bits,docker");
    expect(Object.fromEntries(new URL(url, server.url).searchParams)).toEqual({
      page: "2",
      per_page: "5000",
      order_by: "-created_at",
      guids: `${guid(1)},${guid(2)}`,
      states: "READY,FAILED",
      types: "bits,docker",
      app_guids: APP,
      space_guids: guid(3),
      organization_guids: guid(4),
      label_selector: "env=prod,tier in (web,api),example.com/owner notin (a,b),region!=eu,!legacy,canary",
      "created_ats[gt]": "2024-01-01T00:00:00Z",
      // No milliseconds (Cloud Controller refuses them); an upper bound is rounded up to keep its meaning.
      "created_ats[lt]": "2024-02-01T00:00:01Z",
      updated_ats: "2024-03-01T12:00:00Z,2024-03-02T00:00:00Z",
    });
  });

  it("rounds bounds with a fraction so they select the same whole-second timestamps", async () => {
    const server = await fakeList();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const at = new Date("2024-01-01T00:00:00.500Z");
    await client.packages.list({
      createdAt: { gt: at, gte: at, lt: at, lte: at },
      updatedAt: { gte: "2024-01-01T01:00:00.2+01:00" },
    });
    expect(Object.fromEntries(new URL(server.requests[0]?.url ?? "", server.url).searchParams)).toEqual({
      "created_ats[gt]": "2024-01-01T00:00:00Z",
      "created_ats[gte]": "2024-01-01T00:00:01Z",
      "created_ats[lt]": "2024-01-01T00:00:01Z",
      "created_ats[lte]": "2024-01-01T00:00:00Z",
      "updated_ats[gte]": "2024-01-01T00:00:01Z",
    });
  });

  it("passes a selector string through, and listForApp sends its filters on the app's path", async () => {
    const server = await fakeList();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    await client.packages.listForApp(APP, {
      labelSelector: "env in (prod,staging),!legacy",
      types: ["bits"],
      perPage: 2,
    });
    const url = new URL(server.requests[0]?.url ?? "", server.url);
    expect(url.pathname).toBe(`/v3/apps/${APP}/packages`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      per_page: "2",
      types: "bits",
      label_selector: "env in (prod,staging),!legacy",
    });
    const all = [];
    for await (const pkg of client.packages.listForApp(APP, { perPage: 2 })) all.push(pkg);
    expect(all).toHaveLength(7);
  });
});

describe("broken pagination", () => {
  it("stops with InvalidResponseError when the server serves the same next page again (a cycle)", async () => {
    // Page 2's `next` leads to page 2 again, forever.
    const server = await serve((req, res) => {
      const page = new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? "1";
      json(res, 200, {
        pagination: { total_results: 4, total_pages: 2, next: { href: `${server.url}/v3/packages?page=2` } },
        resources: [cfPackage(guid(Number(page)), "READY")],
      });
    });
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const pkg of client.packages.list()) seen.push(pkg.guid);
    })().catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/pagination cycle/);
    expect(seen).toEqual([guid(1), guid(2)]);
    expect(server.requests).toHaveLength(2);
  });

  it("gives InvalidResponseError, not a TypeError, for a list whose `resources` is null", async () => {
    const server = await serve((_req, res) =>
      json(res, 200, { pagination: { total_results: 0, total_pages: 1, next: null }, resources: null }),
    );
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: server.url });
    const error = await client.packages.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String(error)).toContain("`resources`");
  });
});
