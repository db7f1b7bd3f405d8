let toolkit: Promise<typeof import("./toolkit.js")> | undefined;

/**
 * The upload toolkit (`openSource`, `multipart`, `hashing`, `sendUpload`, …), loaded on first use:
 * an app (a browser bundle) that never uploads never loads it.
 */
export function loadUploads(): Promise<typeof import("./toolkit.js")> {
  toolkit ??= import("./toolkit.js");
  return toolkit;
}
