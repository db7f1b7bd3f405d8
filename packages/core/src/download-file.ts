/** Node: a download written to a file (checked against a digest when one is known), or as a Node `Readable`. */

import { IntegrityError } from "./errors.js";
import type { Download } from "./internal/download.js";

export interface SaveOptions {
  /** The digest the bytes must have (hex); on a mismatch the file is not left behind. */
  integrity?: { algorithm: "sha1" | "sha256" | "sha512"; expected: string };
}

export interface SavedFile {
  path: string;
  bytes: number;
  /** Hex digest of what was written, when `integrity` was asked for. */
  digest?: string;
}

/**
 * Streams a download into `path`: written to `<path>.partial` and renamed when complete (and
 * verified), so an interrupted or corrupt download never leaves a file that looks finished.
 */
export async function saveDownload(download: Download, path: string, options: SaveOptions = {}): Promise<SavedFile> {
  const { createWriteStream, promises: fs } = await import("node:fs");
  const { pipeline } = await import("node:stream/promises");
  const { Readable, Transform } = await import("node:stream");
  const { createHash } = await import("node:crypto");
  const partial = `${path}.partial`;
  const hash = options.integrity && createHash(options.integrity.algorithm);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      hash?.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(download.stream as import("node:stream/web").ReadableStream),
      count,
      createWriteStream(partial),
    );
    const digest = hash?.digest("hex");
    const expected = options.integrity?.expected.toLowerCase();
    if (digest !== undefined && digest !== expected) {
      throw new IntegrityError({
        algorithm: options.integrity?.algorithm ?? "",
        expected: expected ?? "",
        actual: digest,
        what: `Download from ${download.url} (not saved to ${path})`,
      });
    }
    await fs.rename(partial, path);
    return { path, bytes, digest };
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}

/** The download's body as a Node `Readable` (for `pipe`, `stream.pipeline`, Node APIs). */
export async function nodeReadable(download: Download): Promise<import("node:stream").Readable> {
  const { Readable } = await import("node:stream");
  return Readable.fromWeb(download.stream as import("node:stream/web").ReadableStream);
}
