/** Pages that can be awaited one at a time or iterated item by item with `for await`. */
import { InvalidResponseError } from "./errors.js";

export class Page<Item> implements AsyncIterable<Item> {
  /** The cursors (next links) followed to reach this page. */
  #followed: ReadonlySet<string> = new Set();

  constructor(
    /** The items of this page. */
    readonly items: Item[],
    /** Loads the next page; absent on the last one. */
    private readonly loadNext?: () => Promise<Page<Item>>,
    /** What identifies the next page (its link or cursor): a server that hands one out again is caught. */
    private readonly nextCursor?: string,
  ) {}

  hasNextPage(): boolean {
    return this.loadNext !== undefined;
  }

  /** The next page; `InvalidResponseError` when the server leads back to a page already served (a cycle). */
  async getNextPage(): Promise<Page<Item> | undefined> {
    if (!this.loadNext) return undefined;
    if (this.nextCursor !== undefined && this.#followed.has(this.nextCursor)) {
      const request = { method: "GET", url: this.nextCursor };
      throw new InvalidResponseError({
        status: 200,
        headers: new Headers(),
        request,
        problem: "the next page link leads back to a page already served (a pagination cycle)",
      });
    }
    const next = await this.loadNext();
    next.#followed = this.nextCursor === undefined ? this.#followed : new Set([...this.#followed, this.nextCursor]);
    return next;
  }

  /** This page and every later one. */
  async *iterPages(): AsyncGenerator<Page<Item>> {
    for (let page: Page<Item> | undefined = this; page; page = await page.getNextPage()) yield page;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/** A first page in flight: `await` it for one page, or `for await` over every item of every page. */
export class PagePromise<P extends Page<Item>, Item = P extends Page<infer I> ? I : never>
  implements PromiseLike<P>, AsyncIterable<Item>
{
  readonly #page: Promise<P>;

  constructor(load: () => Promise<P>) {
    // Started at once, as a normal call would be; a rejection surfaces where it is awaited.
    this.#page = load();
    this.#page.catch(() => {});
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable on purpose
  then<R1 = P, R2 = never>(
    onFulfilled?: ((page: P) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#page.then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<P | R> {
    return this.#page.catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<P> {
    return this.#page.finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    yield* (await this.#page) as AsyncIterable<Item>;
  }
}

/**
 * The URL of a next page, on the configured API: the path and query of the `href` the server
 * wrote, rebased onto `baseUrl` (as the cf CLI does). Servers behind a gateway, tunnel or proxy
 * name their own host in links; following it would leave the API (and miss the gateway's path).
 */
export function rebaseLink(baseUrl: string, href: string): string {
  const base = new URL(`${baseUrl.replace(/\/+$/, "")}/`);
  const link = new URL(href, base);
  const prefix = base.pathname.replace(/\/$/, "");
  // A link that already carries the base path (a server that knows it) is not prefixed twice.
  const path =
    prefix && (link.pathname === prefix || link.pathname.startsWith(`${prefix}/`))
      ? link.pathname
      : `${prefix}${link.pathname}`;
  return `${base.origin}${path}${link.search}`;
}
