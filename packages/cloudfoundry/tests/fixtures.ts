// The ids the tests use, from the spec's examples (Prism answers with those, the local servers
// reuse them): one source instead of literals copied across files.
import { specValue } from "@pkgapi/testing/spec";

const example = (pointer: string): string => specValue("cloudfoundry", pointer);

/** The package, app and job of the spec's examples. */
export const GUID = example("#/components/parameters/package_guid/example");
export const APP = example("#/components/parameters/app_guid/example");
export const JOB = example("#/components/parameters/job_guid/example");
/** The app a package is copied to in the `copy` example of createPackage. */
export const OTHER_APP = example(
  "#/paths/~1v3~1packages/post/requestBody/content/application~1json/examples/copy/value/relationships/app/data/guid",
);
export const SPACE = example("#/components/parameters/space_guids/example/0");
export const ORG = example("#/components/parameters/organization_guids/example/0");
/** The `X-VCAP-Request-ID` Prism sends with every answer. */
export const REQUEST_ID = example("#/components/headers/RequestId/example");
/** Where a 302 of downloadPackageBits sends the client: the signed blobstore URL. */
export const BLOBSTORE_URL = example(
  "#/paths/~1v3~1packages~1{guid}~1download/get/responses/302/headers/Location/example",
);
