// Typed error bodies: after the guard, Fastly's msg/detail are typed.

import { localServer } from "@pkgapi/testing";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { createFastlyClient, isFastlyError, PermissionDeniedError } from "../src/index.js";

let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(async () => {
  await server?.close();
});

describe("isFastlyError", () => {
  it("narrows an APIError to Fastly's body", async () => {
    server = await localServer((_req, res) =>
      res
        .writeHead(403, { "content-type": "application/json" })
        .end(JSON.stringify({ msg: "Forbidden", detail: "global:read token" })),
    );
    const error = await createFastlyClient({ token: "fastly-errors-test-token", baseUrl: server.url })
      .packages.get({ serviceId: "abc", version: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    if (!isFastlyError(error)) throw new Error("expected a Fastly error body");
    expectTypeOf(error.body.msg).toEqualTypeOf<string>();
    expect(error.body).toEqual({ msg: "Forbidden", detail: "global:read token" });
  });
});
