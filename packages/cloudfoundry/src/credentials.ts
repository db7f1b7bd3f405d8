/** Credentials for Cloud Foundry: UAA token refresh, and the session the `cf` CLI keeps. */
import { InvalidParameterError, type TokenProvider } from "@pkgapi/core";
import type { CloudFoundryClientOptions } from "./client.js";

export interface UaaTokenOptions {
  /** The UAA server, e.g. `https://uaa.sys.example.com` (`cf curl /` names it under `links.uaa`). */
  uaaUrl: string;
  /** A UAA refresh token; without one, the client-credentials grant is used. */
  refreshToken?: string;
  /** A current access token, used until the API refuses it. */
  accessToken?: string;
  /** OAuth client. Default `cf` with an empty secret, as the cf CLI. */
  clientId?: string;
  clientSecret?: string;
}

/**
 * A token function that gets access tokens from UAA: the given access token first, then a new
 * one (refresh-token grant, or client credentials) each time the API answers 401. A refresh token
 * that UAA rotates is kept. Tokens and the client secret are redacted like the token itself.
 */
export function uaaTokenProvider(options: UaaTokenOptions): TokenProvider {
  const { uaaUrl, clientId = "cf", clientSecret = "" } = options ?? ({} as UaaTokenOptions);
  if (typeof uaaUrl !== "string" || !URL.canParse(uaaUrl))
    throw new InvalidParameterError({
      param: "uaaUrl",
      problem: `must be the UAA server's URL, got ${JSON.stringify(uaaUrl ?? null)}`,
    });
  if (!options.refreshToken && !clientSecret && !options.accessToken)
    throw new InvalidParameterError({
      param: "refreshToken",
      problem: "is required unless an access token or a client secret is given",
    });
  let refreshToken = options.refreshToken;
  let accessToken = options.accessToken && bare(options.accessToken);
  return async ({ refresh, fetch, secret }) => {
    for (const value of [refreshToken, clientSecret, accessToken]) if (value) secret(value);
    if (accessToken && !refresh) return accessToken;
    if (!refreshToken && !clientSecret)
      throw new InvalidParameterError({
        param: "refreshToken",
        problem: "is required to replace an expired access token",
      });
    const form = new URLSearchParams(
      refreshToken
        ? { grant_type: "refresh_token", refresh_token: refreshToken }
        : { grant_type: "client_credentials" },
    );
    const response = await fetch(`${uaaUrl.replace(/\/+$/, "")}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
      },
      body: form.toString(),
    });
    const answer = (await response.json()) as { access_token?: string; refresh_token?: string };
    if (answer.refresh_token) {
      refreshToken = answer.refresh_token;
      secret(refreshToken);
    }
    accessToken = answer.access_token;
    if (!accessToken)
      throw new InvalidParameterError({ param: "refreshToken", problem: "UAA answered without an access_token" });
    return accessToken;
  };
}

/** The part of `~/.cf/config.json` a client needs (the cf CLI writes it on `cf login`). */
interface CfConfig {
  Target?: string;
  AccessToken?: string;
  RefreshToken?: string;
  UaaEndpoint?: string;
  AuthorizationEndpoint?: string;
  UAAOAuthClient?: string;
  UAAOAuthClientSecret?: string;
}

/**
 * Client options from the session of the `cf` CLI (Node only): the API target, and a UAA token
 * provider seeded with its access and refresh tokens, so that a logged-in user needs no code for
 * credentials. Reads `$CF_HOME/.cf/config.json` (default: the home directory) or `path`.
 * Refreshed tokens stay in memory; the file is not written.
 */
export async function fromCfConfig(options: { path?: string } = {}): Promise<CloudFoundryClientOptions> {
  const { readFile } = await import("node:fs/promises");
  const { homedir } = await import("node:os");
  const { join } = await import("node:path");
  const file = options.path ?? join(process.env.CF_HOME || homedir(), ".cf", "config.json");
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InvalidParameterError({
      param: "path",
      problem: `cannot read the cf CLI config ${JSON.stringify(file)} (${error.code ?? error.message}); run \`cf login\` first`,
    });
  });
  let config: CfConfig;
  try {
    config = JSON.parse(text) as CfConfig;
  } catch {
    throw new InvalidParameterError({ param: "path", problem: `${JSON.stringify(file)} is not JSON` });
  }
  if (!config.Target)
    throw new InvalidParameterError({
      param: "path",
      problem: `${JSON.stringify(file)} has no Target; run \`cf api\` and \`cf login\``,
    });
  const uaaUrl = config.UaaEndpoint || config.AuthorizationEndpoint;
  if (!uaaUrl || !(config.AccessToken || config.RefreshToken))
    throw new InvalidParameterError({
      param: "path",
      problem: `${JSON.stringify(file)} holds no session; run \`cf login\``,
    });
  return {
    baseUrl: config.Target,
    token: uaaTokenProvider({
      uaaUrl,
      accessToken: config.AccessToken || undefined,
      refreshToken: config.RefreshToken || undefined,
      clientId: config.UAAOAuthClient || "cf",
      clientSecret: config.UAAOAuthClientSecret || "",
    }),
  };
}

/** `cf oauth-token` and the config file write `bearer <token>`; the header wants the bare token. */
export function bare(token: string): string {
  return token.replace(/^bearer\s+/i, "");
}
