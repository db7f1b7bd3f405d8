// The ids and the record the tests use, from the spec's examples (Prism answers with those, the
// local servers reuse them): one source instead of literals copied across files.
import { specValue } from "@pkgapi/testing/spec";

const publish = "#/paths/~1package~1{logId}~1record/post";

/** The package log and record of the spec's examples. */
export const ref: { logId: string; recordId: string } = {
  logId: specValue("warg", "#/components/parameters/logId/example"),
  recordId: specValue("warg", "#/components/parameters/recordId/example"),
};

/** The publish example: `example:greeter`'s signed record (its id is `ref.recordId`). */
export const request: {
  packageName: string;
  record: { contentBytes: string; keyId: string; signature: string };
} = specValue("warg", `${publish}/requestBody/content/application~1json/example`);
export const record = request.record;

/** The digest of the release content the record names (missing in the `sourcing` example). */
export const contentDigest = Object.keys(
  specValue("warg", `${publish}/responses/202/content/application~1json/examples/sourcing/value/missingContent`),
)[0] as string;
