// Expiring UAA tokens against real local servers: a Cloud Controller that expires tokens and a
// UAA that refreshes them; and the cf CLI's session file as the only configuration.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { readBody, serversPerTest } from "@pkgapi/testing";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  createCloudFoundryClient,
  fromCfConfig,
  InvalidParameterError,
  uaaTokenProvider,
} from "../src/index.js";
import { cfPackage, GUID, json } from "./helpers.js";

const serve = serversPerTest();

/** UAA: each refresh-token grant issues access-N and rotates the refresh token to refresh-N. */
async function uaa() {
  let issued = 0;
  const grants: Array<Record<string, string>> = [];
  const server = await serve((req, res) => {
    readBody(req).then((body) => {
      const form = Object.fromEntries(new URLSearchParams(body.toString()));
      grants.push({ ...form, auth: String(req.headers.authorization) });
      if (req.url !== "/oauth/token" || form.refresh_token !== `refresh-${issued}`)
        return json(res, 401, { error: "invalid_token" });
      issued++;
      json(res, 200, {
        access_token: `access-${issued}`,
        refresh_token: `refresh-${issued}`,
        token_type: "bearer",
        expires_in: 599,
      });
    });
  });
  return { server, grants, current: () => `access-${issued}` };
}

/** Cloud Controller that accepts only the newest access token. */
async function api(valid: () => string) {
  const server = await serve((req, res) => {
    if (req.headers.authorization !== `Bearer ${valid()}`)
      return json(res, 401, { errors: [{ code: 1000, title: "CF-InvalidAuthToken", detail: "Invalid Auth Token" }] });
    json(res, 200, cfPackage(GUID, "READY"));
  });
  return server;
}

describe("uaaTokenProvider", () => {
  it("uses the access token until a 401, then refreshes it at UAA and sends the request again", async () => {
    const auth = await uaa();
    let valid = "access-0";
    const cf = await api(() => valid);
    const token = uaaTokenProvider({
      uaaUrl: auth.server.url,
      accessToken: "bearer access-0",
      refreshToken: "refresh-0",
    });
    const client = createCloudFoundryClient({ baseUrl: cf.url, token });
    expect((await client.packages.get(GUID)).guid).toBe(GUID);
    expect(auth.grants).toHaveLength(0);
    valid = "access-1"; // access-0 expires
    expect((await client.packages.get(GUID)).guid).toBe(GUID);
    expect(auth.grants).toEqual([
      { grant_type: "refresh_token", refresh_token: "refresh-0", auth: `Basic ${btoa("cf:")}` },
    ]);
    expect(cf.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer access-0",
      "Bearer access-0",
      "Bearer access-1",
    ]);
  });

  it("keeps a rotated refresh token for the next refresh, and never shows any token in an error", async () => {
    const auth = await uaa();
    let valid = "access-1";
    const cf = await api(() => valid);
    const client = createCloudFoundryClient({
      baseUrl: cf.url,
      token: uaaTokenProvider({ uaaUrl: auth.server.url, refreshToken: "refresh-0" }),
    });
    await client.packages.get(GUID); // no access token yet: one refresh before the first request
    valid = "access-3"; // the next refresh (rotated refresh-1 → access-2) is refused too
    const error = await client.packages.get(GUID).catch((e) => e);
    expect(auth.grants.map((g) => g.refresh_token)).toEqual(["refresh-0", "refresh-1"]);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toMatch(/access-\d|refresh-\d/);
  });

  it("refuses options that cannot produce a token", () => {
    expect(() => uaaTokenProvider({ uaaUrl: "not a url", refreshToken: "r" })).toThrow(InvalidParameterError);
    expect(() => uaaTokenProvider({ uaaUrl: "https://uaa.example" })).toThrow(/refreshToken/);
  });
});

describe("fromCfConfig", () => {
  function cfHome(config: Record<string, unknown>) {
    const home = mkdtempSync(path.join(os.tmpdir(), "pkgapi-cf-home-"));
    mkdirSync(path.join(home, ".cf"), { recursive: true });
    writeFileSync(path.join(home, ".cf", "config.json"), JSON.stringify(config));
    return home;
  }

  it("reads target, tokens and UAA from the cf CLI's config.json under CF_HOME and refreshes through UAA", async () => {
    const auth = await uaa();
    const cf = await api(() => "access-1");
    const home = cfHome({
      ConfigVersion: 3,
      Target: cf.url,
      UaaEndpoint: auth.server.url,
      AuthorizationEndpoint: "http://127.0.0.1:1",
      AccessToken: "bearer access-0",
      RefreshToken: "refresh-0",
      UAAOAuthClient: "cf",
      UAAOAuthClientSecret: "",
    });
    const before = process.env.CF_HOME;
    process.env.CF_HOME = home;
    try {
      const client = createCloudFoundryClient(await fromCfConfig());
      expect((await client.packages.get(GUID)).state).toBe("READY");
    } finally {
      if (before === undefined) delete process.env.CF_HOME;
      else process.env.CF_HOME = before;
    }
    expect(cf.requests.map((r) => r.headers.authorization)).toEqual(["Bearer access-0", "Bearer access-1"]);
  });

  it("says what is missing when there is no session", async () => {
    const home = cfHome({ ConfigVersion: 3, Target: "https://api.example" });
    await expect(fromCfConfig({ path: path.join(home, ".cf", "config.json") })).rejects.toThrow(/cf login/);
    await expect(fromCfConfig({ path: path.join(home, "missing.json") })).rejects.toBeInstanceOf(InvalidParameterError);
  });
});
