import { describe, expect, it } from "vitest";
import { InvalidParameterError, Page, PagePromise, WaitTimeoutError } from "../src/index.js";
import { backoffMs, fillPath, integerParam, pathParam, pollUntil, retryAfterMs } from "../src/internal/index.js";

describe("input checks", () => {
  it("rejects empty, dot-segment, non-string and pattern-breaking path parameters, naming them", () => {
    expect(() => pathParam("guid", "")).toThrow("Invalid parameter `guid`: must not be empty");
    expect(() => pathParam("guid", "..")).toThrow(/dot segment/);
    expect(() => pathParam("guid", "%2E%2e")).toThrow(/dot segment/);
    expect(() => pathParam("guid", 12)).toThrow(/must be a string, got 12/);
    expect(() => pathParam("id", "a/b", { pattern: /^[a-z]+$/, expected: "lowercase letters" })).toThrow(
      /must be lowercase letters, got "a\/b"/,
    );
    expect(pathParam("id", "abc")).toBe("abc");
  });

  it("checks integers and bounds", () => {
    expect(() => integerParam("version", 1.5)).toThrow(InvalidParameterError);
    expect(() => integerParam("version", "1")).toThrow(/must be an integer, got "1"/);
    expect(() => integerParam("version", 0, { min: 1 })).toThrow(/must be >= 1, got 0/);
    expect(integerParam("version", 3, { min: 1 })).toBe(3);
  });

  it("encodes path values so they stay inside their segment", () => {
    expect(fillPath("/a/{x}/b", { x: "../?#/ é" })).toBe("/a/..%2F%3F%23%2F%20%C3%A9/b");
  });
});

describe("retry timing", () => {
  it("backs off exponentially with jitter, capped at 8 s", () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(10, () => 0)).toBe(8000);
    expect(backoffMs(0, () => 1)).toBe(375);
  });

  it("reads retry-after-ms, seconds and dates, and ignores nonsense", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }), 60_000)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), 60_000)).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 60_000, 4_000)).toBe(6000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), 60_000)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "600" }), 60_000)).toBe(60_000);
    expect(retryAfterMs(new Headers({ "retry-after": "1716584405" }), 60_000, 1_716_584_400_000)).toBe(5000); // epoch seconds
  });
});

describe("pagination", () => {
  const pages = [[1, 2], [3, 4], [5]];
  const load = (i: number): Promise<Page<number>> =>
    Promise.resolve(new Page(pages[i] as number[], i + 1 < pages.length ? () => load(i + 1) : undefined));

  it("awaits to one page and iterates every item across pages", async () => {
    const first = await new PagePromise(() => load(0));
    expect(first.items).toEqual([1, 2]);
    expect(first.hasNextPage()).toBe(true);
    const all: number[] = [];
    for await (const item of new PagePromise(() => load(0))) all.push(item);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    const sizes: number[] = [];
    for await (const page of first.iterPages()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("can be caught and finalised like a promise", async () => {
    let finalised = false;
    const failure = await new PagePromise(() => Promise.reject(new Error("first page failed"))).catch(
      (e) => (e as Error).message,
    );
    await new PagePromise(() => load(0)).finally(() => {
      finalised = true;
    });
    expect(failure).toBe("first page failed");
    expect(finalised).toBe(true);
  });
});

describe("pollUntil", () => {
  it("returns the first settled value", async () => {
    let n = 0;
    const value = await pollUntil(
      "job",
      async () => ++n,
      (v) => v === 3,
      { interval: 1 },
    );
    expect(value).toBe(3);
  });

  it("throws WaitTimeoutError carrying the last value at the deadline", async () => {
    const error = await pollUntil(
      "job",
      async () => "PROCESSING",
      () => false,
      { interval: 5, waitTimeout: 30 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastValue).toBe("PROCESSING");
  });

  it("ends with the settle function's own error", async () => {
    await expect(
      pollUntil(
        "job",
        async () => "FAILED",
        () => {
          throw new Error("job failed");
        },
      ),
    ).rejects.toThrow("job failed");
  });
});
