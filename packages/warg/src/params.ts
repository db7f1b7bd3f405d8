/** Checks of warg inputs, run before any request is sent. */
import { InvalidParameterError } from "@pkgapi/core";
import { pathParam, stringParam } from "@pkgapi/core/internal";
import { fromBase64, toBase64 } from "./bytes.js";

const ANY_HASH = { pattern: /^sha256:[a-f0-9]{64}$/, expected: "a sha256 id (`sha256:` and 64 lowercase hex digits)" };
const PACKAGE_NAME = {
  pattern: /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*:[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/,
  expected: "a package name `<namespace>:<name>`, both in lowercase kebab case (e.g. `example:greeter`)",
};
const SIGNATURE = {
  pattern: /^[a-z0-9-]+:(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$/,
  expected: "`<algorithm>:<base64>` (e.g. `ecdsa-p256:MEUC…`)",
};

export const anyHash = (name: string, value: unknown) => pathParam(name, value, ANY_HASH);
export const packageName = (name: string, value: unknown) => stringParam(name, value, PACKAGE_NAME);
export const signature = (name: string, value: unknown) => stringParam(name, value, SIGNATURE);

/** Record bytes given as standard base64 (with padding) or as raw bytes; both forms are returned. */
export function contentBytes(name: string, value: unknown): { base64: string; bytes: Uint8Array } {
  if (value instanceof Uint8Array) {
    if (value.byteLength === 0) throw new InvalidParameterError({ param: name, problem: "must not be empty" });
    return { base64: toBase64(value), bytes: value };
  }
  if (typeof value !== "string")
    throw new InvalidParameterError({ param: name, problem: "must be a base64 string or a Uint8Array" });
  if (value.length === 0) throw new InvalidParameterError({ param: name, problem: "must not be empty" });
  const bytes = fromBase64(value);
  if (!bytes) throw new InvalidParameterError({ param: name, problem: "must be standard base64 with padding" });
  return { base64: value, bytes };
}
