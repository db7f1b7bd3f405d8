/** What the code runs on, and byte helpers shared by the runtime and the providers. */

/** True on Node (and runtimes that present themselves as it, Bun and Deno included). */
export const isNode = typeof process !== "undefined" && !!process.versions?.node;

/** Lowercase hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}
