/** Downloads as streams, with progress. Redirects are followed by the runtime, which drops credentials across origins. */
import type { RequestOptions } from "../options.js";
import type { Runtime } from "./runtime.js";
import type { Progress } from "./upload/transport.js";

const PROGRESS_STEP = 64 * 1024;

export interface Download {
  /** The body; read it once. */
  stream: ReadableStream<Uint8Array>;
  /** Bytes announced by the server, when it did. */
  size?: number;
  contentType?: string;
  /** The URL the bytes finally came from (after redirects). */
  url: string;
}

export async function download(
  runtime: Runtime,
  url: string,
  options: RequestOptions & { onProgress?: (progress: Progress) => void; accept?: string } = {},
): Promise<Download> {
  const { onProgress, accept = "*/*", ...requestOptions } = options;
  const response = await runtime.send({ method: "GET", url, headers: { accept }, stream: true }, requestOptions);
  const length = response.headers.get("content-length");
  const size = length === null ? undefined : Number(length);
  let loaded = 0;
  const counted = (response.body ?? new Blob([]).stream()).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!onProgress) return controller.enqueue(chunk);
        // Reported at least every 64 KiB, however large the chunks the network delivers.
        for (let offset = 0; offset < chunk.byteLength; offset += PROGRESS_STEP) {
          const slice = chunk.subarray(offset, offset + PROGRESS_STEP);
          loaded += slice.byteLength;
          onProgress({ loaded, total: size });
          controller.enqueue(slice);
        }
      },
    }),
  );
  return {
    stream: counted,
    size,
    contentType: response.headers.get("content-type") ?? undefined,
    url: response.url || url,
  };
}
