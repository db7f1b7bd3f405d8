// The CJS build works on its own: its openapi-fetch interop, its runtime, its error classes.
import { createRequire } from "node:module";
import { localServer } from "@pkgapi/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import type * as Core from "../src/index.js";
import { NotFoundError } from "../src/index.js";
import type * as Internal from "../src/internal/index.js";
import { testProfile } from "./helpers.js";

const load = createRequire(import.meta.url);
const cjs = load("../dist/index.cjs") as typeof Core;
const internal = load("../dist/internal/index.cjs") as typeof Internal;
let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url === "/things/1") res.writeHead(200, { "content-type": "application/json" }).end('{"id":1}');
    else res.writeHead(404, { "content-type": "application/json" }).end('{"message":"no such thing"}');
  });
});
afterAll(() => server.close());

it("makes typed openapi-fetch calls and throws errors the ESM build recognises", async () => {
  type Paths = {
    "/things/{id}": {
      get: {
        parameters: { path: { id: string } };
        responses: { 200: { content: { "application/json": { id: number } } } };
      };
    };
  };
  const client = internal.openapiClient<Paths>(
    new internal.Runtime(testProfile, { baseUrl: server.url, maxRetries: 0 }),
    true,
  );
  const { data } = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
  expect(data).toEqual({ id: 1 });
  const error = await client.GET("/things/{id}", { params: { path: { id: "2" } } }).catch((e) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toBeInstanceOf(cjs.NotFoundError);
  expect(error.message).toContain("no such thing");
});
