/** Byte helpers on web APIs only (btoa/atob, WebCrypto), so they run in browsers too. */
import { toHex } from "@pkgapi/core/internal";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.byteLength; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Standard base64 with padding (or base64url without, for JWK) → bytes; undefined when malformed. */
export function fromBase64(text: string, url = false): Uint8Array<ArrayBuffer> | undefined {
  const standard = url
    ? text
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(text.length / 4) * 4, "=")
    : text;
  if (!BASE64.test(standard)) return undefined;
  return Uint8Array.from(atob(standard), (c) => c.charCodeAt(0));
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** `sha256:<hex>` of the concatenated parts. */
export async function sha256Id(...parts: Uint8Array[]): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", concat(...parts)));
  return `sha256:${toHex(digest)}`;
}
