/**
 * The Node transport for calls whose body is in memory or absent (every JSON call): `node:http(s)`
 * on Node's global keep-alive agents, the whole answer read inside the attempt. Node's fetch costs
 * more than the request itself on a fast network (web streams, a Request and a Response per call);
 * this path is about a third of it. The pipeline around it is the same as for fetch (the other
 * transport, used in browsers, on Bun/Deno and whenever the caller configured a fetch, dispatcher
 * or proxy): redirects are not followed here, and gzip/deflate/br answers are decoded as fetch does.
 */
import type { Attempt, Transport } from "./runtime.js";

type InMemoryBody = string | Uint8Array | ArrayBuffer;

function isInMemory(body: unknown): body is InMemoryBody | undefined {
  return body === undefined || typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer;
}

type Modules = [typeof import("node:http"), typeof import("node:https")];
let modules: Promise<Modules> | undefined;

/**
 * Sends one attempt; other bodies (a FormData, a stream) go to `otherwise` (fetch). `respond`
 * makes the answer from the bytes read (the runtime's BufferedResponse).
 */
export async function nodeTransport(
  attempt: Attempt<BodyInit>,
  otherwise: Transport<BodyInit>,
  respond: (bytes: Uint8Array, init: { status: number; statusText?: string; headers: Headers }) => Response,
): Promise<Response> {
  const { method, url, headers, body, signal } = attempt;
  if (!isInMemory(body)) return otherwise(attempt);
  modules ??= Promise.all([import("node:http"), import("node:https")]);
  const [http, https] = await modules;
  const target = new URL(url);
  const plain: Record<string, string> = { "accept-encoding": "gzip, deflate, br" };
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  const data = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  return new Promise<Response>((resolve, rejectWith) => {
    // Our own abort listener: cheaper than handing node:http the signal (which the timer aborts).
    const onAbort = () => req.destroy(signal.reason);
    const settle = () => signal.removeEventListener("abort", onAbort);
    const reject = (error: unknown) => {
      settle();
      rejectWith(error);
    };
    const req = (target.protocol === "https:" ? https : http).request(target, { method, headers: plain }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      // A reset mid-body: `close` without `complete` (the pipeline may retry it).
      res.on("close", () => {
        if (!res.complete)
          reject(
            Object.assign(new Error("the connection closed before the whole answer arrived"), { code: "ECONNRESET" }),
          );
      });
      const finish = (bytes: Uint8Array) => {
        try {
          const responseHeaders = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i] as string, raw[i + 1] as string);
          settle();
          resolve(
            respond(bytes, { status: res.statusCode ?? 0, statusText: res.statusMessage, headers: responseHeaders }),
          );
        } catch (error) {
          // A status a Response cannot carry (over 599), a header value Headers refuses: as fetch, a failed request.
          reject(error);
        }
      };
      res.on("end", () => {
        const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"]?.trim().toLowerCase();
        if (encoding && encoding !== "identity" && bytes.byteLength) decode(encoding, bytes).then(finish, reject);
        else finish(bytes);
      });
    });
    req.on("error", reject);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    req.end(data);
  });
}

/** Undoes the Content-Encoding, as fetch would. */
async function decode(encoding: string, bytes: Buffer): Promise<Uint8Array> {
  const zlib = await import("node:zlib");
  const { promisify } = await import("node:util");
  if (encoding === "gzip" || encoding === "x-gzip") return promisify(zlib.gunzip)(bytes);
  if (encoding === "deflate") return promisify(zlib.inflate)(bytes);
  if (encoding === "br") return promisify(zlib.brotliDecompress)(bytes);
  return bytes;
}
