/**
 * The upload toolkit, loaded on first use through `loadUploads()` (./lazy.ts). Facades take what
 * they need from it inside their upload methods.
 */
export { hashing, rawBody, verifyingDigest } from "./body.js";
export { multipart } from "./multipart.js";
export { trackProgress } from "./progress.js";
export { sendUpload } from "./send.js";
export { openSource } from "./source.js";
export { uploadTransport } from "./transport.js";
