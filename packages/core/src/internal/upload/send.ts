import type { RequestOptions } from "../../options.js";
import type { Runtime } from "../runtime.js";
import type { StreamBody } from "./body.js";
import { type UploadTransportOptions, uploadTransport } from "./transport.js";

export interface UploadRequest {
  method: string;
  url: string;
  body: StreamBody;
  headers?: HeadersInit;
  idempotent?: boolean;
  credentials?: "client" | "request";
}

/** Sends a streamed body through the runtime: retried only when the source can be read again. */
export async function sendUpload(
  runtime: Runtime,
  req: UploadRequest,
  options: RequestOptions & Omit<UploadTransportOptions, "fetch"> = {},
): Promise<Response> {
  const { onProgress, expectContinue, expectTimeout, ...requestOptions } = options;
  return runtime.send(
    {
      method: req.method,
      url: req.url,
      headers: req.headers,
      idempotent: req.idempotent,
      credentials: req.credentials,
      body: () => req.body,
      replayable: req.body.replayable,
      transport: uploadTransport({ onProgress, expectContinue, expectTimeout, fetch: runtime.fetchImplementation }),
    },
    requestOptions,
  );
}
