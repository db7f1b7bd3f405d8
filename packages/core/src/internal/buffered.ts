/**
 * An answer read whole inside its attempt (so that a reset mid-body can be retried). It keeps the
 * bytes, and the JSON value once the pipeline has checked it parses: `json()` hands over that
 * value instead of parsing the text a second time. The body can be read more than once.
 * Building a `Response` around bytes costs a web stream; this one makes a stream only when
 * `body` itself is asked for.
 */
const UNPARSED: unique symbol = Symbol("unparsed");
const decoder = new TextDecoder();

export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #url: string;
  readonly #headers: Headers;
  #json: unknown = UNPARSED;
  #body?: ReadableStream<Uint8Array<ArrayBuffer>> | null;

  /** `bytes` is ignored for statuses that have no body (204, 205, 304). `headers` is kept as given (not copied). */
  constructor(bytes: Uint8Array, init: { status: number; statusText?: string; headers: Headers }, url: string) {
    super(null, { status: init.status, statusText: init.statusText });
    this.#bytes = bytes as Uint8Array<ArrayBuffer>;
    this.#url = url;
    this.#headers = init.headers;
  }

  /** The body's bytes, as read (no copy). */
  get content(): Uint8Array<ArrayBuffer> {
    return this.#bytes;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#body === undefined) this.#body = NO_BODY.has(this.status) ? null : new Blob([this.#bytes]).stream();
    return this.#body;
  }

  override get bodyUsed(): boolean {
    return false;
  }

  /** The body as text (UTF-8). */
  textSync(): string {
    return decoder.decode(this.#bytes);
  }

  /** Parses the JSON body now (throws as JSON.parse does); later `json()` calls hand over the same value. */
  parseJson(): unknown {
    if (this.#json === UNPARSED) this.#json = JSON.parse(this.textSync());
    return this.#json;
  }

  override async json(): Promise<unknown> {
    return this.parseJson();
  }

  override async text(): Promise<string> {
    return this.textSync();
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#bytes;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#bytes], { type: this.headers.get("content-type") ?? "" });
  }

  override async formData(): Promise<FormData> {
    return new Response(this.#bytes, { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    const copy = new BufferedResponse(
      this.#bytes,
      { status: this.status, statusText: this.statusText, headers: new Headers(this.#headers) },
      this.#url,
    );
    copy.#json = this.#json;
    return copy;
  }
}

const NO_BODY = new Set([101, 204, 205, 304]);
