/**
 * A small valid WebAssembly component, built here so that no wasm tooling is needed: the
 * component preamble (`\0asm`, version 0x0d, layer 1) and one custom section (id 0) named
 * `pkgapi-fixture` whose payload is `note`, so that each fixture has its own bytes and digest.
 */
export function component(note: string): Uint8Array {
  const encoder = new TextEncoder();
  const name = encoder.encode("pkgapi-fixture");
  const body = [...leb128(name.byteLength), ...name, ...encoder.encode(note)];
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x00, ...leb128(body.length), ...body]);
}

function leb128(value: number): number[] {
  const out: number[] = [];
  do {
    const low = value & 0x7f;
    value >>>= 7;
    out.push(value ? low | 0x80 : low);
  } while (value);
  return out;
}
