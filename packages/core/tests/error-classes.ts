// The error classes, imported from the built CJS bundle: `instanceof` must hold across the
// ESM source that throws and the CJS build that checks (the dual-package hazard).
import { createRequire } from "node:module";
import type * as Core from "../src/index.js";

const cjs = createRequire(import.meta.url)("../dist/index.cjs") as typeof Core;
export const {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
} = cjs;
/** 502 has no class of its own: it is an InternalServerError (>= 500). */
export const BadGatewayLike = cjs.InternalServerError;
