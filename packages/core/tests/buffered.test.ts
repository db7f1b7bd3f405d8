// An answer read whole by the pipeline behaves as a Response: every way of reading the body gives
// the same bytes, any number of times, and the JSON parsed on arrival is the value json() returns.
import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../src/internal/buffered.js";

const bytes = new TextEncoder().encode('{"name":"pkg","size":3}');
const answer = () =>
  new BufferedResponse(
    bytes,
    { status: 201, statusText: "Created", headers: new Headers({ "content-type": "application/json", "x-id": "7" }) },
    "https://api.example.com/v3/packages",
  );

describe("BufferedResponse", () => {
  it("keeps status, headers and URL", () => {
    const response = answer();
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url]).toEqual([
      201,
      "Created",
      true,
      "https://api.example.com/v3/packages",
    ]);
    expect(response.headers.get("x-id")).toBe("7");
  });

  it("hands over the value parsed on arrival, without parsing again", async () => {
    const response = answer();
    const parsed = response.parseJson();
    expect(parsed).toEqual({ name: "pkg", size: 3 });
    expect(await response.json()).toBe(parsed);
    expect(await response.clone().json()).toBe(parsed);
  });

  it("gives the same bytes however and however often the body is read", async () => {
    const response = answer();
    const text = '{"name":"pkg","size":3}';
    expect(await response.text()).toBe(text);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(text);
    expect(await (await response.blob()).text()).toBe(text);
    expect(new TextDecoder().decode(await response.bytes())).toBe(text);
    expect(await new Response(response.body).text()).toBe(text);
    expect(await response.text()).toBe(text);
  });

  it("has no body for a status that cannot carry one", () => {
    const response = new BufferedResponse(
      new Uint8Array(0),
      { status: 204, headers: new Headers() },
      "https://x.test/",
    );
    expect(response.body).toBeNull();
  });

  it("hands out a copy of the bytes, so a caller cannot change the answer", async () => {
    const response = answer();
    new Uint8Array(await response.arrayBuffer()).fill(0);
    expect(await response.json()).toEqual({ name: "pkg", size: 3 });
    expect(await response.text()).toBe('{"name":"pkg","size":3}');
  });
});
