/** Credentials that can expire: a fixed token, or a function asked again when the API answers 401. */
import { InvalidParameterError } from "./errors.js";
import { requiredString } from "./internal/params.js";

/**
 * Returns the token to send. `refresh` is true when the API has just refused the previous one
 * (401): return a fresh token then. Called once before the first request and once per refusal.
 */
export type TokenProvider = (context: TokenContext) => string | Promise<string>;

export interface TokenContext {
  /** True when the API refused the previous token. */
  refresh: boolean;
  /** The client's own transport (its `fetch`, proxy and TLS settings), without the client's credentials: for calls to a token endpoint. */
  fetch: typeof fetch;
  /** Marks a value (e.g. a refresh token) to be redacted from errors and logs like the token itself. */
  secret(value: string): void;
}

/** A token, or a function that gives one (see `TokenProvider`). */
export type Token = string | TokenProvider;

/** Checks a `token` option: a non-empty string or a function. */
export function tokenParam(name: string, value: unknown): Token {
  return typeof value === "function" ? (value as TokenProvider) : requiredString(name, value);
}

/** Wraps a token so that what it gives is normalised (e.g. a `bearer ` prefix removed). */
export function mapToken(token: Token, map: (value: string) => string): Token {
  return typeof token === "string" ? map(token) : async (context) => map(await token(context));
}

/** Visible ASCII, space and tab: what a header value can carry. */
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;

/** The current token of a client; concurrent refusals share one refresh. */
export class TokenState {
  #value?: string;
  #pending?: Promise<string>;
  readonly #provider?: TokenProvider;

  constructor(
    token: Token,
    private readonly context: Omit<TokenContext, "refresh">,
  ) {
    if (typeof token === "string") this.#set(token);
    else this.#provider = token;
  }

  get refreshable(): boolean {
    return this.#provider !== undefined;
  }

  /** The token to send now. */
  current(): string | Promise<string> {
    return this.#value ?? this.#pending ?? this.#ask(false);
  }

  /** After a 401 to `rejected`: a fresh token, asked for once however many requests were refused. */
  refresh(rejected: string): Promise<string> {
    if (this.#value !== undefined && this.#value !== rejected) return Promise.resolve(this.#value);
    return this.#pending ?? this.#ask(true);
  }

  #ask(refresh: boolean): Promise<string> {
    const provider = this.#provider as TokenProvider;
    this.#value = undefined;
    this.#pending = (async () => {
      try {
        const value = await provider({ ...this.context, refresh });
        if (typeof value !== "string" || !value)
          throw new InvalidParameterError({
            param: "token",
            problem: `the token function returned ${value === "" ? "an empty string" : typeof value}`,
          });
        return this.#set(value);
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }

  #set(value: string): string {
    // A header cannot carry CR, LF or other control characters; say so without quoting the token.
    if (!HEADER_SAFE.test(value))
      throw new InvalidParameterError({
        param: "token",
        problem: "contains characters an HTTP header cannot carry (CR, LF or other control characters)",
      });
    this.#value = value;
    this.context.secret(value);
    return value;
  }
}
