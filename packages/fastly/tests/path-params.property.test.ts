// Property test: 1,000+ generated values per path parameter. Each is either rejected with a
// clear InvalidParameterError before sending, or reaches the server encoded inside the path.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServer } from "../../../scripts/lib/testing.mjs";
import { createFastlyClient, InvalidParameterError } from "../src/index.js";

let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
});
afterAll(() => server.close());

const PATH = /^\/service\/([^/?#]+)\/version\/([^/?#]+)\/package$/;

describe("path parameters", () => {
  it("serviceId: rejected or encoded inside its segment", async () => {
    const client = createFastlyClient({ token: "t", baseUrl: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9]{1,30}$/),
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.constantFrom("..", ".", "a/b", "a?b", "a#b", "%2e%2e", ""),
        ),
        async (serviceId) => {
          const before = server.requests.length;
          const outcome = await client.packages.get({ serviceId, version: 1 }).catch((e) => e);
          if (outcome instanceof InvalidParameterError) {
            expect(outcome.param).toBe("serviceId");
            expect(server.requests.length).toBe(before);
            return;
          }
          const url = server.requests.at(-1)?.url ?? "";
          expect(decodeURIComponent(PATH.exec(url)?.[1] ?? "")).toBe(serviceId);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("version: rejected unless a positive integer, which arrives as itself", async () => {
    const client = createFastlyClient({ token: "t", baseUrl: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER + 2)), async (version) => {
        const outcome = await client.packages.get({ serviceId: "abc", version: version as number }).catch((e) => e);
        if (outcome instanceof InvalidParameterError) {
          expect(outcome.param).toBe("version");
          return;
        }
        expect(Number.isSafeInteger(version) && (version as number) >= 1).toBe(true);
        expect(PATH.exec(server.requests.at(-1)?.url ?? "")?.[2]).toBe(String(version));
      }),
      { numRuns: 1000 },
    );
  });
});
