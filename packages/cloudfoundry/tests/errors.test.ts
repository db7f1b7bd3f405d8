// Typed error bodies: after the guard, Cloud Controller's errors[].code/title/detail are typed.

import { localServer } from "@pkgapi/testing";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  type CloudFoundryErrorItem,
  createCloudFoundryClient,
  isCloudFoundryError,
  NotFoundError,
} from "../src/index.js";
import { GUID, json, TOKEN } from "./helpers.js";

let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(async () => {
  await server?.close();
});

describe("isCloudFoundryError", () => {
  it("narrows an APIError to Cloud Controller's body", async () => {
    server = await localServer((_req, res) =>
      json(res, 404, { errors: [{ code: 10010, title: "CF-ResourceNotFound", detail: "Package not found" }] }),
    );
    const error = await createCloudFoundryClient({ token: TOKEN, baseUrl: server.url })
      .packages.get(GUID)
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    if (!isCloudFoundryError(error)) throw new Error("expected a Cloud Foundry error body");
    expectTypeOf(error.body.errors).toEqualTypeOf<CloudFoundryErrorItem[]>();
    expect(error.body.errors[0]).toEqual({ code: 10010, title: "CF-ResourceNotFound", detail: "Package not found" });
    expect(isCloudFoundryError(new Error("x"))).toBe(false);
  });

  it("is false for a body of another shape (a proxy's page)", async () => {
    server = await localServer((_req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>"),
    );
    const error = await createCloudFoundryClient({ token: TOKEN, baseUrl: server.url, maxRetries: 0 })
      .packages.get(GUID)
      .catch((e) => e);
    expect(isCloudFoundryError(error)).toBe(false);
  });
});
