// Typed error bodies: after the guard, a warg registry's { status, type, id } or { status, message } are typed.

import { localServer } from "@pkgapi/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createWargClient, isWargError, NotFoundError } from "../src/index.js";

let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(async () => {
  await server?.close();
});

const ref = { logId: `sha256:${"a".repeat(64)}`, recordId: `sha256:${"b".repeat(64)}` };

describe("isWargError", () => {
  it("narrows an APIError to the registry's typed body", async () => {
    server = await localServer((_req, res) =>
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ status: 404, type: "record", id: ref.recordId })),
    );
    const error = await createWargClient({ baseUrl: server.url })
      .records.get(ref)
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    if (!isWargError(error)) throw new Error("expected a warg error body");
    const body = error.body;
    // Typed: the union's `type` discriminates; `message` exists on the untyped kind.
    const what: string = "type" in body ? `${body.type} ${body.id}` : body.message;
    expect(what).toBe(`record ${ref.recordId}`);
  });
});
