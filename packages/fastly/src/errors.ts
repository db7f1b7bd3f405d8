import { apiErrorGuard } from "@pkgapi/core/internal";
import type { components } from "./generated/schema.js";

/** Fastly's error body: `{ msg, detail? }`. */
export type FastlyErrorBody = components["schemas"]["ErrorResponse"];

/** True for an `APIError` with Fastly's error body; `error.body.msg` is then typed. */
export const isFastlyError = apiErrorGuard<FastlyErrorBody>((body) => typeof body.msg === "string");
