/** Upload progress people can use: the file's own bytes, reported at least every 64 KiB. */
import type { OpenedSource } from "./source.js";
import type { Progress } from "./transport.js";

const STEP = 64 * 1024;

/**
 * Wraps a file so that `onProgress` hears `{ loaded, total }` of the file itself (not of a
 * multipart envelope) each time the connection has taken up to 64 KiB more of it. Reads stay in
 * large chunks; only the hand-over is sliced (no copies). Each retry starts again from 0.
 */
export function trackProgress(
  file: OpenedSource,
  onProgress: ((progress: Progress) => void) | undefined,
): OpenedSource {
  if (!onProgress) return file;
  return {
    ...file,
    async *chunks() {
      let loaded = 0;
      for await (const chunk of file.chunks()) {
        for (let offset = 0; offset < chunk.byteLength; offset += STEP) {
          const slice = chunk.subarray(offset, offset + STEP);
          yield slice;
          // Resumed: the writer has taken the slice.
          loaded += slice.byteLength;
          onProgress({ loaded, total: file.size });
        }
      }
    },
  };
}
