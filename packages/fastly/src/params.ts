/** Checks of Fastly inputs, run before any request is sent. */
import { integerParam, pathParam } from "@pkgapi/core/internal";
import type { PackageRef } from "./resources/packages.js";

/** The path parameters of a service version, checked. */
export function checkRef(ref: PackageRef) {
  if (typeof ref !== "object" || ref === null) throw new TypeError("Expected { serviceId, version }");
  return {
    service_id: pathParam("serviceId", ref.serviceId, {
      pattern: /^[A-Za-z0-9]+$/,
      expected: "an alphanumeric service id",
    }),
    version_id: integerParam("version", ref.version, { min: 1 }),
  };
}
