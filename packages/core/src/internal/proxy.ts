/**
 * One transport for every request: the caller's `fetch` and/or `dispatcher`, or on Node a proxy
 * from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (undici's EnvHttpProxyAgent, the agent Node's own
 * fetch uses for NODE_USE_ENV_PROXY). undici is loaded only on Node and only when needed.
 */
import type { Dispatcher } from "undici";
import { isNode } from "./env.js";

// A specifier bundlers do not follow: undici is Node-only and must not land in a browser bundle.
const UNDICI = "undici";

/** True when Node's environment names a proxy (either case, as curl and undici read them). */
export function proxyFromEnv(): boolean {
  if (!isNode) return false;
  const env = process.env;
  return !!(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}

/**
 * The fetch every request of a client goes through, or undefined for the platform's own
 * fetch with no proxy. With a dispatcher (given, or from the proxy variables) and no `fetch`
 * of the caller's, undici's own fetch is used so that the dispatcher and fetch versions match.
 */
export function transportFetch(options: { fetch?: typeof fetch; dispatcher?: Dispatcher }): typeof fetch | undefined {
  const { fetch: given, dispatcher } = options;
  if (!given && !dispatcher && !proxyFromEnv()) return undefined;
  if (given && !dispatcher) return given;
  let resolved: Promise<typeof fetch> | undefined;
  const resolve = async (): Promise<typeof fetch> => {
    if (given) return (input, init) => given(input, { ...init, dispatcher } as RequestInit);
    const undici = (await import(/* @vite-ignore */ UNDICI)) as typeof import("undici");
    const agent = dispatcher ?? new undici.EnvHttpProxyAgent();
    return ((input: string, init?: RequestInit) =>
      undici.fetch(input, { ...init, dispatcher: agent } as never)) as unknown as typeof fetch;
  };
  return async (input, init) => {
    resolved ??= resolve();
    return (await resolved)(input, init);
  };
}
