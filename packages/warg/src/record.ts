/**
 * Package records: the protobuf `warg.protocol.PackageRecord` (warg-protobuf 0.10.0,
 * `warg/protocol/warg.proto`), encoded field by field in tag order with proto3 defaults left out,
 * as prost does, so that the bytes (and so the record id) match warg's own; and signed as
 * warg-protocol does: over `"WARG-PACKAGE-RECORD-SIGNATURE-V0:" ‖ contentBytes`.
 */
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { InvalidParameterError } from "@pkgapi/core";
import { concat, toBase64 } from "./bytes.js";
import { recordIdFor } from "./ids.js";
import { PublicKey, type SigningKey } from "./keys.js";
import { anyHash } from "./params.js";

/** What a key may do in a package log. */
export type Permission = "release" | "yank";

/** One entry of a package record. */
export type PackageEntry =
  /** Starts the log; `key` becomes its first authorized key. */
  | { type: "init"; key: PublicKey | string }
  | { type: "grant"; key: PublicKey | string; permissions: Permission[] }
  | { type: "revoke"; keyId: string; permissions: Permission[] }
  /** Releases `version` (semver) with the content whose digest is `digest` (`sha256:<hex>`). */
  | { type: "release"; version: string; digest: string }
  | { type: "yank"; version: string };

export interface RecordContents {
  /** The id of the log's previous record; left out for the first record of a log. */
  prev?: string;
  /**
   * When the record was made; default now. Must not be before the previous record's time. A
   * `{ seconds, nanos }` timestamp keeps warg's nanosecond precision.
   */
  time?: Date | Timestamp;
  entries: PackageEntry[];
}

/** A protobuf `google.protobuf.Timestamp`: seconds since the Unix epoch and nanoseconds. */
export interface Timestamp {
  seconds: number;
  nanos: number;
}

/** A decoded record, keys as text. */
export interface DecodedRecord {
  prev?: string;
  /** The warg protocol version of the record (0). */
  version: number;
  time: Date;
  entries: Array<
    | { type: "init"; key: string; hashAlgorithm: string }
    | { type: "grant"; key: string; permissions: Permission[] }
    | { type: "revoke"; keyId: string; permissions: Permission[] }
    | { type: "release"; version: string; digest: string }
    | { type: "yank"; version: string }
  >;
}

/** A signed record: the envelope `records.publish` sends, and its id. */
export interface SignedRecord {
  recordId: string;
  record: {
    /** The protobuf record, standard base64. */
    contentBytes: string;
    keyId: string;
    signature: string;
  };
}

const SIGNATURE_PREFIX = new TextEncoder().encode("WARG-PACKAGE-RECORD-SIGNATURE-V0:");
const PERMISSIONS: Record<Permission, number> = { release: 1, yank: 2 };
const PERMISSION_NAMES: Record<number, Permission> = { 1: "release", 2: "yank" };
const ENTRY_FIELDS = { init: 1, grant: 2, revoke: 3, release: 4, yank: 5 } as const;
// semver.org's regular expression for a SemVer 2.0 version (what warg's `semver::Version` parses).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Checks a version the way warg does: SemVer 2.0, no `v` prefix, no leading zeros. */
export function semverParam(name: string, value: unknown): string {
  if (typeof value !== "string" || !SEMVER.test(value))
    throw new InvalidParameterError({
      param: name,
      problem: `must be a semantic version such as 1.0.0, got ${JSON.stringify(value)}`,
    });
  return value;
}

/** Builds, encodes and signs a package record. Every input is checked first. */
export async function signRecord(contents: RecordContents, signingKey: SigningKey): Promise<SignedRecord> {
  if (typeof signingKey?.sign !== "function")
    throw new InvalidParameterError({
      param: "signingKey",
      problem: "must be a SigningKey (see SigningKey.generate/import)",
    });
  const bytes = await encodeRecord(contents);
  const signature = await signingKey.sign(concat(SIGNATURE_PREFIX, bytes));
  return {
    recordId: await recordIdFor(bytes),
    record: { contentBytes: toBase64(bytes), keyId: signingKey.keyId, signature },
  };
}

/** The protobuf bytes of a record, exactly as warg (prost) encodes it. */
export async function encodeRecord({ prev, time = new Date(), entries }: RecordContents): Promise<Uint8Array> {
  if (prev !== undefined) anyHash("prev", prev);
  const { seconds, nanos } = timestamp(time);
  if (!Array.isArray(entries) || entries.length === 0)
    throw new InvalidParameterError({ param: "entries", problem: "must be a non-empty array" });
  const w = new BinaryWriter();
  if (prev !== undefined) w.tag(1, WireType.LengthDelimited).string(prev);
  // field 2, the protocol version, is 0: a proto3 default, so not written.
  w.tag(3, WireType.LengthDelimited).fork();
  if (seconds !== 0) w.tag(1, WireType.Varint).int64(seconds);
  if (nanos !== 0) w.tag(2, WireType.Varint).int32(nanos);
  w.join();
  for (const [i, entry] of entries.entries()) {
    w.tag(4, WireType.LengthDelimited).fork();
    await writeEntry(w, entry, `entries[${i}]`);
    w.join();
  }
  return w.finish();
}

function timestamp(time: Date | Timestamp): Timestamp {
  if (time instanceof Date) {
    const ms = time.getTime();
    if (Number.isNaN(ms)) throw new InvalidParameterError({ param: "time", problem: "must be a valid Date" });
    const seconds = Math.floor(ms / 1000);
    return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
  }
  const { seconds, nanos } = time ?? {};
  if (!Number.isSafeInteger(seconds) || !Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999)
    throw new InvalidParameterError({
      param: "time",
      problem: "must be a Date or { seconds, nanos } with integer seconds and 0 <= nanos < 1e9",
    });
  return { seconds, nanos };
}

async function writeEntry(w: BinaryWriter, entry: PackageEntry, at: string): Promise<void> {
  const field = ENTRY_FIELDS[entry?.type];
  if (field === undefined)
    throw new InvalidParameterError({
      param: `${at}.type`,
      problem: "must be one of init, grant, revoke, release, yank",
    });
  w.tag(field, WireType.LengthDelimited).fork();
  switch (entry.type) {
    case "init":
      w.tag(1, WireType.LengthDelimited).string(await keyText(entry.key, `${at}.key`));
      w.tag(2, WireType.LengthDelimited).string("sha256");
      break;
    case "grant":
      w.tag(1, WireType.LengthDelimited).string(await keyText(entry.key, `${at}.key`));
      writePermissions(w, entry.permissions, `${at}.permissions`);
      break;
    case "revoke":
      w.tag(1, WireType.LengthDelimited).string(anyHash(`${at}.keyId`, entry.keyId));
      writePermissions(w, entry.permissions, `${at}.permissions`);
      break;
    case "release":
      w.tag(1, WireType.LengthDelimited).string(semverParam(`${at}.version`, entry.version));
      w.tag(2, WireType.LengthDelimited).string(anyHash(`${at}.digest`, entry.digest));
      break;
    case "yank":
      w.tag(1, WireType.LengthDelimited).string(semverParam(`${at}.version`, entry.version));
      break;
  }
  w.join();
}

async function keyText(key: PublicKey | string, at: string): Promise<string> {
  return key instanceof PublicKey ? key.text : (await PublicKey.import(key, at)).text;
}

function writePermissions(w: BinaryWriter, permissions: Permission[], at: string): void {
  if (!Array.isArray(permissions) || permissions.length === 0)
    throw new InvalidParameterError({ param: at, problem: "must name at least one of release, yank" });
  // A packed repeated enum, as prost writes proto3 repeated scalars.
  w.tag(2, WireType.LengthDelimited).fork();
  for (const permission of permissions) {
    const value = PERMISSIONS[permission];
    if (value === undefined)
      throw new InvalidParameterError({
        param: at,
        problem: `names ${JSON.stringify(permission)}; only release and yank exist`,
      });
    w.int32(value);
  }
  w.join();
}

/** Decodes the protobuf bytes of a package record (e.g. one the registry's logs returned). */
export function decodeRecord(bytes: Uint8Array): DecodedRecord {
  try {
    const r = new BinaryReader(bytes);
    const record: DecodedRecord = { version: 0, time: new Date(0), entries: [] };
    while (r.pos < r.len) {
      const [field, wireType] = r.tag();
      if (field === 1) record.prev = r.string();
      else if (field === 2) record.version = r.uint32();
      else if (field === 3) record.time = readTime(r.bytes());
      else if (field === 4) record.entries.push(...readEntry(r.bytes()));
      else r.skip(wireType, field);
    }
    return record;
  } catch (error) {
    throw new InvalidParameterError({
      param: "bytes",
      problem: `is not a warg package record: ${(error as Error).message}`,
    });
  }
}

function readTime(bytes: Uint8Array): Date {
  const r = new BinaryReader(bytes);
  let seconds = 0;
  let nanos = 0;
  while (r.pos < r.len) {
    const [field, wireType] = r.tag();
    if (field === 1) seconds = Number(r.int64());
    else if (field === 2) nanos = r.int32();
    else r.skip(wireType, field);
  }
  return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000));
}

function readEntry(bytes: Uint8Array): DecodedRecord["entries"] {
  const r = new BinaryReader(bytes);
  const out: DecodedRecord["entries"] = [];
  while (r.pos < r.len) {
    const [field, wireType] = r.tag();
    if (field < 1 || field > 5) {
      r.skip(wireType, field);
      continue;
    }
    const strings: Record<number, string> = {};
    const permissions: Permission[] = [];
    const inner = new BinaryReader(r.bytes());
    while (inner.pos < inner.len) {
      const [f, t] = inner.tag();
      if ((field === 2 || field === 3) && f === 2) {
        const values = t === WireType.LengthDelimited ? new BinaryReader(inner.bytes()) : undefined;
        do {
          const value = (values ?? inner).int32();
          const permission = PERMISSION_NAMES[value];
          if (!permission) throw new Error(`unknown permission ${value}`);
          permissions.push(permission);
        } while (values && values.pos < values.len);
      } else if (t === WireType.LengthDelimited) strings[f] = inner.string();
      else inner.skip(t, f);
    }
    if (field === 1) out.push({ type: "init", key: strings[1] ?? "", hashAlgorithm: strings[2] ?? "" });
    else if (field === 2) out.push({ type: "grant", key: strings[1] ?? "", permissions });
    else if (field === 3) out.push({ type: "revoke", keyId: strings[1] ?? "", permissions });
    else if (field === 4) out.push({ type: "release", version: strings[1] ?? "", digest: strings[2] ?? "" });
    else out.push({ type: "yank", version: strings[1] ?? "" });
  }
  return out;
}
