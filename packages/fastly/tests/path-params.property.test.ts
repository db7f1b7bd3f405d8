// Property test: 1,000 generated values per path parameter, each rejected with a clear
// InvalidParameterError before sending, or arriving at the server encoded inside its segment.

import { assertPathParameter, localServer } from "@pkgapi/testing";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFastlyClient, InvalidParameterError } from "../src/index.js";

let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
});
afterAll(() => server.close());

it("serviceId", async () => {
  const client = createFastlyClient({ token: "t", baseUrl: server.url, maxRetries: 0 });
  await assertPathParameter({
    server,
    param: "serviceId",
    valid: fc.stringMatching(/^[A-Za-z0-9]{1,30}$/),
    path: /^\/service\/([^/?#]+)\/version\/1\/package$/,
    call: (serviceId: string) => client.packages.get({ serviceId, version: 1 }),
    InvalidParameterError,
  });
});

it("version: rejected unless a positive integer, which arrives as itself", async () => {
  const client = createFastlyClient({ token: "t", baseUrl: server.url, maxRetries: 0 });
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
      async (version) => {
        const outcome = await client.packages.get({ serviceId: "abc", version: version as number }).catch((e) => e);
        if (outcome instanceof InvalidParameterError) {
          expect(outcome.param).toBe("version");
          return;
        }
        expect(Number.isSafeInteger(version) && (version as number) >= 1).toBe(true);
        expect(/\/version\/([^/]+)\/package$/.exec(server.requests.at(-1)?.url ?? "")?.[1]).toBe(String(version));
      },
    ),
    { numRuns: 1000 },
  );
});
