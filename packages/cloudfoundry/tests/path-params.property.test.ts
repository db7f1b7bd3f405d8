// Property test: 1,000 generated values per path parameter, each rejected with a clear
// InvalidParameterError before sending, or arriving at the server encoded inside its segment.

import { assertPathParameter, localServer } from "@pkgapi/testing";
import fc from "fast-check";
import { afterAll, beforeAll, it } from "vitest";
import { createCloudFoundryClient, InvalidParameterError } from "../src/index.js";

const list = {
  pagination: {
    total_results: 0,
    total_pages: 1,
    first: { href: "x" },
    last: { href: "x" },
    next: null,
    previous: null,
  },
  resources: [],
};
let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((req, res) =>
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify(req.url?.includes("/apps/") ? list : {})),
  );
});
afterAll(() => server.close());

it.each([
  [
    "guid",
    /^\/v3\/packages\/([^/?#]+)$/,
    (cf: ReturnType<typeof createCloudFoundryClient>, guid: string) => cf.packages.get(guid),
  ],
  [
    "appGuid",
    /^\/v3\/apps\/([^/?#]+)\/packages$/,
    (cf: ReturnType<typeof createCloudFoundryClient>, guid: string) => cf.packages.listForApp(guid),
  ],
] as const)("%s", async (param, path, call) => {
  const cf = createCloudFoundryClient({ token: "t", baseUrl: server.url, maxRetries: 0 });
  await assertPathParameter({
    server,
    param,
    valid: fc.uuid(),
    path,
    call: (value: string) => call(cf, value),
    InvalidParameterError,
  });
});
