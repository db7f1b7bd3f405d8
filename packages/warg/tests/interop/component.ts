/**
 * A small valid WebAssembly component, built here so that no wasm tooling is needed: the
 * component preamble (`\0asm`, version 0x0d, layer 1) and one custom section (id 0) named
 * `pkgapi-fixture` whose payload is `note`, so that each fixture has its own bytes and digest.
 * Sizes stay under 128, so each LEB128 length is one byte.
 */
export function component(note: string): Uint8Array {
  const encoder = new TextEncoder();
  const name = encoder.encode("pkgapi-fixture");
  const body = [name.byteLength, ...name, ...encoder.encode(note)];
  if (body.length > 127) throw new Error(`note too long for a one-byte section size: ${note}`);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x00, body.length, ...body]);
}
