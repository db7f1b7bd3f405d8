/** Request bodies that are streamed, not held in memory. */
import { IntegrityError } from "../../errors.js";
import { isNode, toHex } from "../env.js";
import type { OpenedSource } from "./source.js";

export interface StreamBody {
  contentType: string;
  /** Total bytes when known; otherwise the body is sent chunked. */
  length?: number;
  replayable: boolean;
  chunks(): AsyncIterable<Uint8Array>;
  /** A Blob or FormData with the same content, for fetch-only platforms. */
  toFetchBody?(): BodyInit;
  /** See `OpenedSource.recycle`. */
  recycle?(chunk: Uint8Array): void;
}

/** A single file sent as the raw request body. */
export function rawBody(file: OpenedSource, contentType = "application/octet-stream"): StreamBody {
  return {
    contentType,
    length: file.size,
    replayable: file.replayable,
    chunks: () => file.chunks(),
    toFetchBody: file.blob ? () => file.blob as Blob : undefined,
    recycle: file.recycle,
  };
}

export interface Hashing extends OpenedSource {
  /** Hex digest of the last complete pass over the bytes. */
  digest(): string | undefined;
}

const WEB_ALGORITHMS = { sha1: "SHA-1", sha256: "SHA-256", sha512: "SHA-512" } as const;

/**
 * Wraps a source so that each pass over it also computes a digest. On Node the hash is computed
 * while streaming; elsewhere a Blob is hashed up front with WebCrypto (it is in memory already),
 * and a stream gets no digest (`digest()` stays undefined).
 */
export async function hashing(file: OpenedSource, algorithm: keyof typeof WEB_ALGORITHMS): Promise<Hashing> {
  if (!isNode) {
    const digest = file.blob
      ? toHex(await globalThis.crypto.subtle.digest(WEB_ALGORITHMS[algorithm], await file.blob.arrayBuffer()))
      : undefined;
    return { ...file, digest: () => digest };
  }
  const { createHash } = await import("node:crypto");
  let digest: string | undefined;
  return {
    ...file,
    digest: () => digest,
    async *chunks() {
      digest = undefined;
      const hash = createHash(algorithm);
      for await (const chunk of file.chunks()) {
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest("hex");
    },
  };
}

/**
 * Checks the digest while the content streams, holding back the last chunk until it is known:
 * on a mismatch the upload is aborted before the server has the whole body (so nothing wrong
 * is stored) and `IntegrityError` is thrown. `expected` is hex; `label` names the content.
 */
export function verifyingDigest(file: Hashing, algorithm: string, expected: string, label: string): OpenedSource {
  return {
    ...file,
    async *chunks() {
      let held: Uint8Array | undefined;
      for await (const chunk of file.chunks()) {
        if (held) yield held;
        held = chunk;
      }
      const actual = file.digest();
      if (actual !== expected)
        throw new IntegrityError({ algorithm, expected, actual: actual ?? "(none)", what: label });
      if (held) yield held;
    },
  };
}
