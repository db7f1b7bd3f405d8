import { InvalidParameterError, NotFoundError, type UploadSource } from "@pkgapi/core";
import { loadUploads } from "@pkgapi/core/internal";
import { fromBase64 } from "../bytes.js";
import { logIdFor, recordIdFor } from "../ids.js";
import { SigningKey } from "../keys.js";
import { anyHash, packageName } from "../params.js";
import { type DecodedRecord, decodeRecord, type PackageEntry, semverParam, signRecord } from "../record.js";
import type { Logs } from "./logs.js";
import type { PublishedRecord, Records, UploadOptions, WaitOptions } from "./records.js";

/** A published record of a package log, decoded. */
export interface LogRecord extends DecodedRecord {
  recordId: string;
  keyId: string;
  signature: string;
  registryIndex: number;
  /** The protobuf record as published, standard base64. */
  contentBytes: string;
}

export interface PublishReleaseParams {
  /** `<namespace>:<name>`, e.g. `example:greeter`. */
  name: string;
  /** A semantic version, e.g. `1.0.0`. */
  version: string;
  /** The release content (e.g. a Wasm component): a path, Blob, bytes, or a stream (with `digest`). */
  content: UploadSource;
  /** `sha256:<hex>` of the content. Optional; when given it must match the content. */
  digest?: string;
  /** The key to sign with: a `SigningKey`, or warg's private-key text `ecdsa-p256:<base64>`. */
  signingKey: SigningKey | string;
  /** How to wait until the record is published (default: up to 5 minutes). */
  wait?: Omit<WaitOptions, "allowSourcing">;
}

export interface PublishedRelease extends PublishedRecord {
  logId: string;
  version: string;
  digest: string;
  /** Whether this publish started the log (its record had an `init` entry). */
  initialized: boolean;
}

/** Package-level flows over `records` and `logs`. */
export class Packages {
  constructor(
    private readonly records: Records,
    private readonly logs: Logs,
  ) {}

  /**
   * The published records of a package log, oldest first, decoded; empty when nothing of the
   * log is published (yet). Reads up to the latest checkpoint, page by page.
   */
  async log(name: string, options: { signal?: AbortSignal } = {}): Promise<LogRecord[]> {
    const logId = await logIdFor(packageName("name", name));
    const { contents } = await this.logs.checkpoint(options);
    const out: LogRecord[] = [];
    let token: string | null = null;
    for (;;) {
      let page: Awaited<ReturnType<Logs["fetch"]>>;
      try {
        page = await this.logs.fetch(
          { logLength: contents.logLength, limit: 1000, packages: { [logId]: token } },
          options,
        );
      } catch (error) {
        // `404 log`: no record of this log is published.
        if (error instanceof NotFoundError && (error.body as { type?: unknown })?.type === "log") return out;
        throw error;
      }
      const envelopes = page.packages?.[logId] ?? [];
      for (const envelope of envelopes) {
        const bytes = fromBase64(envelope.contentBytes) ?? new Uint8Array();
        out.push({
          ...decodeRecord(bytes),
          recordId: await recordIdFor(bytes),
          keyId: envelope.keyId,
          signature: envelope.signature,
          registryIndex: envelope.registryIndex,
          contentBytes: envelope.contentBytes,
        });
      }
      if (!page.more || envelopes.length === 0) return out;
      token = envelopes[envelopes.length - 1].fetchToken;
    }
  }

  /**
   * Publishes one release in one call: hashes the content, finds the head of the package log,
   * signs a record (`init` + `release` when the log is new, `release` after the head
   * otherwise), publishes it, uploads the content the registry lacks, and waits until the record
   * is published. Every input is checked before the first request. Uploads need Node.
   */
  async publishRelease(params: PublishReleaseParams, options: UploadOptions = {}): Promise<PublishedRelease> {
    if (typeof params !== "object" || params === null)
      throw new TypeError("Expected { name, version, content, signingKey }");
    const name = packageName("name", params.name);
    const version = semverParam("version", params.version);
    const signingKey = await signingKeyParam(params.signingKey);
    const digest = await contentDigest(params.content, params.digest);
    const { signal, onProgress } = options;

    const logId = await logIdFor(name);
    const head = (await this.log(name, { signal })).at(-1);
    const entries: PackageEntry[] = [{ type: "release", version, digest }];
    if (!head) entries.unshift({ type: "init", key: signingKey.publicKey });
    // warg rejects a record older than the previous one: never go back in time.
    const time = head && head.time.getTime() > Date.now() ? head.time : new Date();
    const signed = await signRecord({ prev: head?.recordId, time, entries }, signingKey);

    const accepted = await this.records.publish({ packageName: name, record: signed.record }, { signal });
    if (accepted.state === "sourcing") {
      await this.records.uploadMissingContent(accepted, { [digest]: params.content }, { onProgress, signal });
    }
    const published = await this.records.waitFor(
      { logId, recordId: accepted.recordId },
      { ...params.wait, signal: params.wait?.signal ?? signal },
    );
    return { ...published, logId, version, digest, initialized: !head };
  }
}

async function signingKeyParam(value: unknown): Promise<SigningKey> {
  if (value instanceof SigningKey) return value;
  if (typeof value === "string") return SigningKey.import(value, "signingKey");
  throw new InvalidParameterError({
    param: "signingKey",
    problem: "must be a SigningKey or warg's private-key text `ecdsa-p256:<base64>`",
  });
}

/** The `sha256:<hex>` of the content, checked against `expected` when given; before any request. */
async function contentDigest(content: UploadSource, expected: string | undefined): Promise<string> {
  if (expected !== undefined) anyHash("digest", expected);
  const { hashing, openSource } = await loadUploads();
  const file = await hashing(await openSource("content", content), "sha256");
  if (!file.replayable) {
    // A stream can be read once, for the upload; its digest is checked while it streams.
    if (expected === undefined)
      throw new InvalidParameterError({
        param: "content",
        problem: "is a stream: pass `digest` too, or a path, Blob or bytes",
      });
    return expected;
  }
  for await (const _ of file.chunks());
  const hex = file.digest();
  if (hex === undefined)
    throw new InvalidParameterError({
      param: "content",
      problem: "cannot be hashed on this platform: pass `digest` too",
    });
  const actual = `sha256:${hex}`;
  if (expected !== undefined && actual !== expected)
    throw new InvalidParameterError({
      param: "content",
      problem: `does not match \`digest\`: its sha256 is ${actual}, not ${expected}`,
    });
  return actual;
}
