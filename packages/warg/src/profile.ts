import type { ProviderProfile } from "@pkgapi/core/internal";
import { version } from "../package.json";

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
