// The ids the tests use, from the spec's examples (Prism answers with those, the local servers
// reuse them): one source instead of literals copied across files.
import { specValue } from "@pkgapi/testing/spec";

/** The service and version of the spec's examples. */
export const ref: { serviceId: string; version: number } = {
  serviceId: specValue("fastly", "#/components/parameters/service_id/example"),
  version: specValue("fastly", "#/components/parameters/version_id/example"),
};
/** The same, as the generated SDK names them. */
export const sdkRef = { serviceId: ref.serviceId, versionId: ref.version };
