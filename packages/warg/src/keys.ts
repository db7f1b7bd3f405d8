/**
 * warg signing keys (ECDSA P-256) on WebCrypto, in warg's text forms (warg-crypto 0.10.0,
 * `src/signing/{private_key,public_key,signature}.rs`):
 * - private key: `ecdsa-p256:` + base64 of the 32-byte scalar;
 * - public key: `ecdsa-p256:` + base64 of the compressed SEC1 point;
 * - key id: `sha256:` + hex sha256 of the public-key text;
 * - signature: `ecdsa-p256:` + base64 of the DER signature (ECDSA over SHA-256 of the message).
 */
import { InvalidParameterError } from "@pkgapi/core";
import { fromBase64, sha256Id, toBase64 } from "./bytes.js";

const ALGORITHM = "ecdsa-p256";
const EC = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN = { name: "ECDSA", hash: "SHA-256" } as const;
// PKCS#8 wrapping of a bare P-256 scalar (RFC 5915 ECPrivateKey without the optional public key).
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x41, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
  0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x27, 0x30, 0x25, 0x02, 0x01, 0x01, 0x04, 0x20,
]);
// P-256 field prime and curve constant b (SEC 2), for decompressing points.
const P = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const inspect = Symbol.for("nodejs.util.inspect.custom");

/** A public key in warg's form: `text` is `ecdsa-p256:<base64 compressed point>`, `keyId` its id. */
export class PublicKey {
  private constructor(
    /** The WebCrypto key (verify only). */
    readonly cryptoKey: CryptoKey,
    readonly text: string,
    readonly keyId: string,
  ) {}

  /** Parses `ecdsa-p256:<base64>` (compressed or uncompressed SEC1 point, as warg accepts). */
  static async import(text: string, param = "publicKey"): Promise<PublicKey> {
    const bytes = decodeText(param, text, "public key");
    const uncompressed = bytes.byteLength === 33 && (bytes[0] === 2 || bytes[0] === 3) ? decompress(bytes) : bytes;
    if (uncompressed?.byteLength !== 65 || uncompressed[0] !== 4)
      throw new InvalidParameterError({ param, problem: "is not a P-256 point (SEC1, 33 or 65 bytes)" });
    const key = await crypto.subtle.importKey("raw", uncompressed, EC, true, ["verify"]).catch(() => {
      throw new InvalidParameterError({ param, problem: "is not a point on the P-256 curve" });
    });
    return PublicKey.from(key);
  }

  /** @internal */
  static async from(key: CryptoKey): Promise<PublicKey> {
    const raw = new Uint8Array(await crypto.subtle.exportKey("raw", key));
    const compressed = new Uint8Array(33);
    compressed[0] = 2 + (raw[64] & 1);
    compressed.set(raw.subarray(1, 33), 1);
    const text = `${ALGORITHM}:${toBase64(compressed)}`;
    return new PublicKey(key, text, await sha256Id(new TextEncoder().encode(text)));
  }

  /** Checks a warg signature (`ecdsa-p256:<base64 DER>`) over `message`. */
  async verify(signature: string, message: Uint8Array): Promise<boolean> {
    const raw = derToRaw(decodeText("signature", signature, "signature"));
    return raw !== undefined && crypto.subtle.verify(SIGN, this.cryptoKey, raw, new Uint8Array(message));
  }

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }
}

/**
 * A private signing key. Its secret never appears in `toString`, JSON or `inspect`; only
 * `export()` returns it.
 */
export class SigningKey {
  readonly #key: CryptoKey;

  private constructor(
    key: CryptoKey,
    readonly publicKey: PublicKey,
  ) {
    this.#key = key;
  }

  /** The key id warg uses for it: `sha256:` + hex sha256 of the public-key text. */
  get keyId(): string {
    return this.publicKey.keyId;
  }

  /** A new random P-256 key. */
  static async generate(): Promise<SigningKey> {
    const pair = await crypto.subtle.generateKey(EC, true, ["sign", "verify"]);
    return new SigningKey(pair.privateKey, await PublicKey.from(pair.publicKey));
  }

  /** Parses warg's private-key text, `ecdsa-p256:<base64 of the 32-byte scalar>`. */
  static async import(text: string, param = "signingKey"): Promise<SigningKey> {
    const scalar = decodeText(param, text, "private key");
    if (scalar.byteLength !== 32)
      throw new InvalidParameterError({
        param,
        problem: `must hold a 32-byte P-256 scalar, got ${scalar.byteLength} bytes`,
      });
    const pkcs8 = new Uint8Array(PKCS8_PREFIX.byteLength + 32);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(scalar, PKCS8_PREFIX.byteLength);
    const key = await crypto.subtle.importKey("pkcs8", pkcs8, EC, true, ["sign"]).catch(() => {
      throw new InvalidParameterError({ param, problem: "is not a valid P-256 private key" });
    });
    // WebCrypto derives the public point; export it through JWK (x, y) to get the public key.
    const { x, y } = await crypto.subtle.exportKey("jwk", key);
    const publicKey = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x, y, ext: true }, EC, true, [
      "verify",
    ]);
    return new SigningKey(key, await PublicKey.from(publicKey));
  }

  /** The private key in warg's text form. Keep it secret. */
  async export(): Promise<string> {
    const { d = "" } = await crypto.subtle.exportKey("jwk", this.#key);
    return `${ALGORITHM}:${toBase64(fromBase64(d, true) ?? new Uint8Array())}`;
  }

  /** Signs `message` as warg does: ECDSA P-256 over SHA-256, DER-encoded, `ecdsa-p256:<base64>`. */
  async sign(message: Uint8Array): Promise<string> {
    const raw = new Uint8Array(await crypto.subtle.sign(SIGN, this.#key, new Uint8Array(message)));
    return `${ALGORITHM}:${toBase64(rawToDer(raw))}`;
  }

  toString(): string {
    return `SigningKey(${this.keyId})`;
  }

  toJSON(): { keyId: string; publicKey: string } {
    return { keyId: this.keyId, publicKey: this.publicKey.text };
  }

  [inspect](): string {
    return this.toString();
  }
}

/** `ecdsa-p256:<base64>` → bytes; the error never repeats the value (it may be a secret). */
function decodeText(param: string, text: unknown, what: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== "string")
    throw new InvalidParameterError({ param, problem: `must be a ${what} string \`${ALGORITHM}:<base64>\`` });
  const parts = text.split(":");
  if (parts.length !== 2)
    throw new InvalidParameterError({ param, problem: `must have the form \`${ALGORITHM}:<base64>\`` });
  if (parts[0] !== ALGORITHM)
    throw new InvalidParameterError({
      param,
      problem: `must use the algorithm \`${ALGORITHM}\`, the only one warg supports`,
    });
  const bytes = fromBase64(parts[1] ?? "");
  if (!bytes)
    throw new InvalidParameterError({
      param,
      problem: `must have standard base64 (with padding) after \`${ALGORITHM}:\``,
    });
  return bytes;
}

function decompress(bytes: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const x = toBigInt(bytes.subarray(1));
  if (x >= P) return undefined;
  const rhs = (((modPow(x, 3n) - 3n * x + B) % P) + P) % P;
  let y = modPow(rhs, (P + 1n) / 4n); // P ≡ 3 (mod 4)
  if ((y * y) % P !== rhs) return undefined;
  if ((y & 1n) !== BigInt(bytes[0] & 1)) y = P - y;
  const out = new Uint8Array(65);
  out[0] = 4;
  out.set(bytes.subarray(1), 1);
  out.set(fromBigInt(y), 33);
  return out;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function fromBigInt(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** WebCrypto's r‖s (32 + 32 bytes) → DER `SEQUENCE { INTEGER r, INTEGER s }`. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.byteLength - 1 && bytes[start] === 0) start++;
    const body = bytes.subarray(start);
    return body[0] & 0x80 ? [0x02, body.byteLength + 1, 0, ...body] : [0x02, body.byteLength, ...body];
  };
  const content = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return Uint8Array.from([0x30, content.length, ...content]);
}

/** DER → r‖s, or undefined when it is not a P-256 DER signature. */
function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (der[0] !== 0x30 || der[1] !== der.byteLength - 2) return undefined;
  const out = new Uint8Array(64);
  let offset = 2;
  for (const at of [0, 32]) {
    const length = der[offset + 1];
    if (der[offset] !== 0x02 || length === undefined || offset + 2 + length > der.byteLength) return undefined;
    const value = der.subarray(offset + 2, offset + 2 + length);
    const trimmed = value[0] === 0 ? value.subarray(1) : value;
    if (trimmed.byteLength > 32) return undefined;
    out.set(trimmed, at + 32 - trimmed.byteLength);
    offset += 2 + length;
  }
  return offset === der.byteLength ? out : undefined;
}
