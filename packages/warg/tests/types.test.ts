// Narrowing on `state` reaches each state's fields with no casts. `tsc -p tsconfig.json` checks
// this file (the `@ts-expect-error` lines fail it if the union ever loses its tags); vitest runs
// the same function over the spec's examples.
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import type { PackageRecord, PublishedRecord, RejectedRecord, SourcingRecord } from "../src/index.js";
import type { PackageRecord as SdkPackageRecord } from "../src/sdk.js";

function summary(record: PackageRecord): string {
  switch (record.state) {
    case "sourcing":
      return `sourcing: upload ${Object.entries(record.missingContent).map(([digest, { upload }]) => `${digest} → ${upload[0]?.method} ${upload[0]?.url}`)}`;
    case "processing":
      return "processing";
    case "rejected":
      return `rejected: ${record.reason}`;
    case "published":
      return `published at ${record.registryIndex}`;
    default: {
      const unknown: never = record;
      return unknown;
    }
  }
}

function sdkSummary(record: SdkPackageRecord): string {
  return record.state === "rejected"
    ? record.reason
    : record.state === "published"
      ? String(record.registryIndex)
      : record.state;
}

describe("PackageRecord", () => {
  it("narrows on state", () => {
    const spec = parse(readFileSync(new URL("../../../specs/warg.yaml", import.meta.url), "utf8"));
    const examples = spec.paths["/package/{logId}/record/{recordId}"].get.responses["200"].content["application/json"]
      .examples as Record<string, { value: PackageRecord }>;
    const summaries = Object.values(examples).map(({ value }) => summary(value));
    expect(summaries).toEqual([
      "published at 2",
      "processing",
      expect.stringMatching(/^rejected: the package record was invalid: /),
      expect.stringMatching(/^sourcing: upload sha256:b4aee762[a-f0-9]{56} → POST v1\/package\/sha256:/),
    ]);
    expect(sdkSummary({ recordId: "sha256:1", state: "rejected", reason: "because" })).toBe("because");
  });

  it("has no field of one state on the others", () => {
    const record = { recordId: "sha256:1", state: "processing" } as PackageRecord;
    // @ts-expect-error `reason` exists on rejected records only
    expect(record.reason).toBeUndefined();
    // @ts-expect-error `registryIndex` exists on published records only
    expect(record.registryIndex).toBeUndefined();
    // @ts-expect-error `missingContent` exists on sourcing records only
    expect(record.missingContent).toBeUndefined();
    expectTypeOf<Extract<PackageRecord, { state: "published" }>>().toEqualTypeOf<PublishedRecord>();
    expectTypeOf<Extract<PackageRecord, { state: "rejected" }>>().toEqualTypeOf<RejectedRecord>();
    expectTypeOf<Extract<PackageRecord, { state: "sourcing" }>>().toEqualTypeOf<SourcingRecord>();
  });
});
