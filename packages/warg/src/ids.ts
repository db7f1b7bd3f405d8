/**
 * Ids derived as warg-protocol does (`crates/protocol/src/registry.rs`), with WebCrypto so that
 * they work in browsers too.
 */
import { sha256Id } from "./bytes.js";
import { contentBytes, packageName } from "./params.js";

const encoder = new TextEncoder();

/**
 * The log id of a package: sha256("WARG-PACKAGE-LOG-ID-V0:" ‖ "WARG-PACKAGE-ID-V0" ‖
 * LEB128(length) ‖ name), the name being prefix-encoded as warg's `PackageName` is.
 */
export async function logIdFor(name: string): Promise<string> {
  const bytes = encoder.encode(packageName("packageName", name));
  return sha256Id(
    encoder.encode("WARG-PACKAGE-LOG-ID-V0:"),
    encoder.encode("WARG-PACKAGE-ID-V0"),
    leb128(bytes.byteLength),
    bytes,
  );
}

/** The id of a record: sha256("WARG-PACKAGE-LOG-RECORD-V0:" ‖ contentBytes), the raw (not base64) bytes. */
export async function recordIdFor(content: string | Uint8Array): Promise<string> {
  return sha256Id(encoder.encode("WARG-PACKAGE-LOG-RECORD-V0:"), contentBytes("contentBytes", content).bytes);
}

function leb128(value: number): Uint8Array {
  const out: number[] = [];
  do {
    const low = value & 0x7f;
    value >>>= 7;
    out.push(value ? low | 0x80 : low);
  } while (value);
  return Uint8Array.from(out);
}
