import { apiErrorGuard } from "@pkgapi/core";
import type { components } from "./generated/schema.js";

/** Cloud Controller's error body: `{ errors: [{ code, title, detail }] }`. */
export type CloudFoundryErrorBody = components["schemas"]["Errors"];
/** One error: branch on `code` or `title` (`CF-ResourceNotFound`); `detail` is for humans. */
export type CloudFoundryErrorItem = components["schemas"]["ErrorItem"];

/** True for an `APIError` with Cloud Controller's error body; `error.body.errors` is then typed. */
export const isCloudFoundryError = apiErrorGuard<CloudFoundryErrorBody>((body) => Array.isArray(body.errors));
