// Raw responses on success: every facade call can hand back the HTTP answer with its data.

import { readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import { createCloudFoundryClient, withResponse } from "../src/index.js";
import { cfPackage, GUID, json, TOKEN } from "./helpers.js";

const serve = serversPerTest();
type Server = Awaited<ReturnType<typeof serve>>;
let server: Server | undefined;

const HEADERS = {
  "x-vcap-request-id": "vcap-42",
  etag: 'W/"7"',
  "x-cf-warnings": "Deprecated%20parameter%3A%20foo,second+warning",
};

async function cc() {
  server = await serve((req, res) => {
    readBody(req).then(() => {
      if (req.method === "GET" && new URL(req.url ?? "/", "http://x").pathname === "/v3/packages") {
        return json(
          res,
          200,
          {
            pagination: {
              total_results: 1,
              total_pages: 1,
              next: null,
              previous: null,
              first: { href: "" },
              last: { href: "" },
            },
            resources: [cfPackage(GUID, "READY")],
          },
          HEADERS,
        );
      }
      json(
        res,
        req.method === "POST" ? 201 : 200,
        cfPackage(GUID, req.url?.endsWith("/upload") ? "PROCESSING_UPLOAD" : "READY"),
        HEADERS,
      );
    });
  });
  return server;
}

describe("withResponse", () => {
  it("gives the data and the answer's status and headers for a get, a page and an upload", async () => {
    const srv = await cc();
    const lines: string[] = [];
    const keep = (line: string) => lines.push(line);
    const client = createCloudFoundryClient({
      token: TOKEN,
      baseUrl: srv.url,
      logger: { debug: keep, info: keep, warn: keep, error: keep },
    });

    const got = await withResponse((o) => client.packages.get(GUID, o));
    expect(got.data.guid).toBe(GUID);
    expect(got.response.status).toBe(200);
    expect(got.response.headers.get("x-vcap-request-id")).toBe("vcap-42");
    expect(got.response.headers.get("etag")).toBe('W/"7"');
    expect(got.response.url).toBe(`${srv.url}/v3/packages/${GUID}`);

    const page = await withResponse((o) => client.packages.list({}, o));
    expect(page.data.items).toHaveLength(1);
    expect(page.response.headers.get("x-vcap-request-id")).toBe("vcap-42");

    const uploaded = await withResponse((o) =>
      client.packages.upload({ guid: GUID, bits: new Uint8Array([80, 75, 5, 6]) }, o),
    );
    expect(uploaded.data.state).toBe("PROCESSING_UPLOAD");
    expect(uploaded.response.status).toBe(201);

    // X-Cf-Warnings go to the log, decoded, once per answer.
    expect(lines.filter((l) => l.includes("Deprecated parameter: foo"))).toHaveLength(3);
    expect(lines.filter((l) => l.includes("second warning"))).toHaveLength(3);
  });

  it("passes a caller's own onResponse through", async () => {
    const srv = await cc();
    const client = createCloudFoundryClient({ token: TOKEN, baseUrl: srv.url, logLevel: "off" });
    const seen: number[] = [];
    await client.packages.get(GUID, { onResponse: (r) => seen.push(r.status) });
    await withResponse((o) => client.packages.get(GUID, o), { onResponse: (r) => seen.push(r.status) });
    expect(seen).toEqual([200, 200]);
  });
});
