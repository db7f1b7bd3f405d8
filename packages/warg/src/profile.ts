import { type ClientOptions, type ProviderProfile, Runtime, type Token, tokenParam } from "@pkgapi/core";
import { version } from "../package.json";

export interface WargClientOptions extends ClientOptions {
  /**
   * A bearer token for hosted registries, sent as `Authorization: Bearer <token>` to the
   * registry's origin only, or a function returning one (asked again after a 401). warg-server
   * needs none: the record's signature is the authorization.
   */
  token?: Token;
}

const CONFLICTS: Record<string, string> = {
  namespaceImport: "conflict: the namespace is imported from another registry",
  record: "conflict: a record for this log is pending",
};

/** How a warg registry authenticates and reports errors. */
export const wargProfile: ProviderProfile = {
  name: "@pkgapi/warg",
  version,
  defaultBaseUrl: "http://localhost:8090/v1",
  auth: { header: "Authorization", value: (token) => `Bearer ${token}` },
  errorMessage(body) {
    const { status, message, type, id } = body as { status?: unknown; message?: unknown; type?: unknown; id?: unknown };
    if (typeof message === "string") return { message };
    // The typed bodies `{status, type, id}`: 404 log/record/namespace, 409 namespaceImport/record.
    if (typeof type !== "string") return {};
    const detail = typeof id === "string" ? id : undefined;
    return { message: status === 409 ? (CONFLICTS[type] ?? `conflict: ${type}`) : `${type} not found`, detail };
  },
};

/** The runtime every warg client (facade, raw, SDK) runs on. */
export function wargRuntime({ token, ...options }: WargClientOptions): Runtime {
  return new Runtime(wargProfile, options, token === undefined ? undefined : tokenParam("token", token));
}
