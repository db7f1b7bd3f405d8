// Property test: 1,000 generated values per path parameter, each rejected with a clear
// InvalidParameterError before sending, or arriving at the server inside its segment.

import { assertPathParameter, localServer } from "@pkgapi/testing";
import fc from "fast-check";
import { afterAll, beforeAll, it } from "vitest";
import { createWargClient, InvalidParameterError } from "../src/index.js";

const ID = `sha256:${"a".repeat(64)}`;
const validId = fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`);
let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((_req, res) =>
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ recordId: ID, state: "processing" })),
  );
});
afterAll(() => server.close());

it.each([
  ["logId", /^\/v1\/package\/([^/?#]+)\/record\/[^/?#]+$/],
  ["recordId", /^\/v1\/package\/[^/?#]+\/record\/([^/?#]+)$/],
] as const)("%s", async (param, path) => {
  const warg = createWargClient({ baseUrl: `${server.url}/v1`, maxRetries: 0 });
  await assertPathParameter({
    server,
    param,
    valid: validId,
    path,
    call: (value: string) => warg.records.get({ logId: ID, recordId: ID, [param]: value }),
    InvalidParameterError,
  });
});
