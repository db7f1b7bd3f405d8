/**
 * What openapi-fetch builds for each facade call (its `Request` option): the parts the runtime
 * sends, as given. A real `Request` would turn the body into a stream that the runtime reads back
 * into memory, and add a signal of its own: work with no use on the way to the runtime.
 */
export class CallRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | undefined;
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? undefined;
    this.signal = init.signal ?? undefined;
  }
}
