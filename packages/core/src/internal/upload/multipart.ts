/**
 * multipart/form-data encoded lazily: parts are streamed from their sources, and the total
 * length is known up front whenever every part's size is (so no chunked encoding is needed).
 */
import { toHex } from "../env.js";
import type { StreamBody } from "./body.js";
import type { OpenedSource } from "./source.js";

export type Part =
  | { name: string; value: string; contentType?: string }
  | { name: string; file: OpenedSource; contentType?: string };

const encoder = new TextEncoder();

export function multipart(parts: readonly Part[]): StreamBody {
  const boundary = `pkgapi-${randomHex(24)}`;
  const heads = parts.map((part) => encoder.encode(partHead(boundary, part)));
  const values = parts.map((part) => ("value" in part ? encoder.encode(part.value) : undefined));
  const tail = encoder.encode(`--${boundary}--\r\n`);
  const crlf = encoder.encode("\r\n");
  let length: number | undefined = tail.byteLength;
  parts.forEach((part, i) => {
    const size = "value" in part ? values[i]?.byteLength : part.file.size;
    length =
      length === undefined || size === undefined
        ? undefined
        : length + (heads[i]?.byteLength ?? 0) + size + crlf.byteLength;
  });
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    replayable: parts.every((part) => "value" in part || part.file.replayable),
    async *chunks() {
      for (const [i, part] of parts.entries()) {
        yield heads[i] as Uint8Array;
        if ("value" in part) yield values[i] as Uint8Array;
        else yield* part.file.chunks();
        yield crlf;
      }
      yield tail;
    },
    toFetchBody: parts.every((part) => "value" in part || part.file.blob) ? () => toFormData(parts) : undefined,
    recycle(chunk) {
      for (const part of parts) if ("file" in part) part.file.recycle?.(chunk);
    },
  };
}

function toFormData(parts: readonly Part[]): FormData {
  const form = new FormData();
  for (const part of parts) {
    if ("value" in part) form.append(part.name, part.value);
    else form.append(part.name, part.file.blob as Blob, part.file.filename);
  }
  return form;
}

function partHead(boundary: string, part: Part): string {
  const name = quote(part.name);
  if ("value" in part) {
    const type = part.contentType ? `Content-Type: ${part.contentType}\r\n` : "";
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n${type}\r\n`;
  }
  const type = part.contentType ?? "application/octet-stream";
  return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${quote(part.file.filename)}"\r\nContent-Type: ${type}\r\n\r\n`;
}

/** Quoting per the HTML form-data rules: escape quotes and line breaks. */
function quote(value: string): string {
  return value.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

function randomHex(bytes: number): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}
