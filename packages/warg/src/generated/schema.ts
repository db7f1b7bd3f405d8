export interface paths {
    "/package/{logId}/record/{recordId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path: {
                /**
                 * @description The package log id: the sha256 hash of the package name, see `PackageName`. Its `:` may
                 *     be sent as is or percent-encoded; the server decodes both.
                 * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
                 */
                logId: components["parameters"]["logId"];
                /**
                 * @description The record id: `sha256("WARG-PACKAGE-LOG-RECORD-V0:" ‖ contentBytes)`, as returned by
                 *     `publishPackageRecord`.
                 * @example sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce
                 */
                recordId: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        /**
         * Get the state of a package record.
         * @description Returns a record of a package log and the state it is in:
         *
         *     - `sourcing`: content of the record still has to be uploaded (see `missingContent`).
         *     - `processing`: the record is being validated, or is valid but not yet covered by a
         *       checkpoint (warg-server makes one every 5 seconds by default).
         *     - `rejected`: the record was rejected; `reason` says why.
         *     - `published`: the record is in the registry log at `registryIndex`.
         *
         *     Clients poll this operation after publishing until the record is `published` or
         *     `rejected`. warg-server's default in-memory data store reports a record that still
         *     misses content as `processing`, not `sourcing` (checked against warg-server 0.10.0); only
         *     its Postgres store (and the publish answer) report `sourcing`.
         */
        get: operations["getPackageRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/package/{logId}/record": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path: {
                /**
                 * @description The package log id: the sha256 hash of the package name, see `PackageName`. Its `:` may
                 *     be sent as is or percent-encoded; the server decodes both.
                 * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
                 */
                logId: components["parameters"]["logId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a record to a package log.
         * @description Submits a signed record (protobuf `warg.protocol.PackageRecord`, wrapped in an envelope)
         *     to the package log `logId`, which must be the log id derived from `packageName`.
         *     Publishing is asynchronous: the answer is `202` with the record in state `sourcing`
         *     (content of its releases has to be uploaded first, to the `missingContent` upload
         *     endpoints) or `processing` (the registry already has all content). Poll
         *     `getPackageRecord` until the record is `published` or `rejected`.
         *
         *     The server checks, in this order: the path id (`400`), the `Warg-Registry` header
         *     (`501`), the body (`415`, `400`, `413`, `422`), that `packageName` derives `logId`
         *     (`400`), that the record decodes (`400`), that no `contentSources` are given (`501`),
         *     that the namespace is defined here (`404`) and not imported (`409`), the optional
         *     authorized-keys policy (`401`, `422`), and the signature (`401`).
         *
         *     Posting a byte-identical record a second time is not handled by warg-server (its
         *     in-memory store aborts the request, its Postgres store answers `500`).
         */
        post: operations["publishPackageRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fetch/checkpoint": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * Get the latest checkpoint of the registry log.
         * @description The latest signed checkpoint. Its `logLength` is what `fetchLogs` reads up to; records
         *     published after it appear once the next checkpoint covers them (every 5 seconds by
         *     default on warg-server).
         */
        get: operations["fetchCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fetch/logs": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch published records of package logs.
         * @description The published records of the given package logs (and of the operator log), in log
         *     order, up to the checkpoint `logLength`. Pages of at most `limit` records: while `more`
         *     is true, ask again with each log's last `fetchToken`. A log with no published record
         *     answers `404` with type `log`.
         */
        post: operations["fetchLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A hash as `<algorithm>:<lowercase hex>`. sha256 is the only algorithm warg supports.
         * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
         */
        AnyHash: string;
        /**
         * @description A package name, `<namespace>:<name>`, both in lowercase kebab case. Its log id is
         *     `sha256("WARG-PACKAGE-LOG-ID-V0:" ‖ "WARG-PACKAGE-ID-V0" ‖ LEB128(length) ‖ name)`.
         *     The published document limits it to 128 characters; the server does not.
         * @example example:greeter
         */
        PackageName: string;
        /** @description A signed record to publish to a package log. */
        PublishPackageRecordRequest: {
            packageName: components["schemas"]["PackageName"];
            record: components["schemas"]["EnvelopeBody"];
            /**
             * @description Where the registry could download the record's content: content digest
             *     (`sha256:<hex>`) → sources. OpenAPI 3.0 cannot constrain map keys, so the published
             *     `patternProperties` on the digest is written as `additionalProperties`.
             *     warg-server does not support it and answers `501` when it is not empty; upload the
             *     content to the `missingContent` endpoints instead. Leave it out when empty.
             */
            contentSources?: {
                [key: string]: components["schemas"]["ContentSource"][];
            };
        };
        /** @description A package record signed by its author. */
        EnvelopeBody: {
            /**
             * Format: byte
             * @description The record, a protobuf `warg.protocol.PackageRecord` (`prev`, `version`, `time`,
             *     `entries`), in standard base64 with padding. The published document limits it to
             *     1 MiB; warg-server only limits the whole body (about 2 MiB, `413`).
             * @example GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==
             */
            contentBytes: string;
            /**
             * @description The id of the signing key: `sha256("ecdsa-p256:" + base64(compressed public key))`,
             *     as `sha256:<hex>`. The server does not parse it; an id that matches no key of the
             *     log is answered with `401`, unless the record starts with `init` (then the record is
             *     accepted and later `rejected`; see the `401` of `publishPackageRecord`).
             * @example sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb
             */
            keyId: string;
            /**
             * @description `<algorithm>:<base64 signature>` over `"WARG-PACKAGE-RECORD-SIGNATURE-V0:" ‖ contentBytes`.
             *     warg signs with ECDSA P-256 / SHA-256 (`ecdsa-p256:` + base64 of the DER signature).
             *     The pattern admits any algorithm name, but only `ecdsa-p256` with a DER signature
             *     parses: anything else is answered with `422` (warg-crypto `Signature::from_str`).
             * @example ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4=
             */
            signature: string;
        };
        /** @description A location the registry could download content from (HTTP GET). */
        ContentSource: {
            /**
             * @description The kind of source; `httpGet` is the only one.
             * @enum {string}
             */
            type: "httpGet";
            /**
             * Format: uri
             * @description The URL to download the content from.
             * @example https://cdn.example.com/greeter-1.0.0.wasm
             */
            url: string;
            /**
             * @description Whether the URL supports HTTP range requests. Left out when false. The server also
             *     reads the older `accept_ranges` spelling.
             */
            acceptRanges?: boolean;
            /**
             * Format: int64
             * @description The content size in bytes, when known.
             * @example 8
             */
            size?: number;
        };
        /**
         * @description A package record and its state, a union tagged by `state`. Every variant carries the
         *     record id and the state; `sourcing` adds `missingContent`, `rejected` adds `reason`,
         *     `published` adds `registryIndex`.
         */
        PackageRecord: components["schemas"]["SourcingRecord"] | components["schemas"]["ProcessingRecord"] | components["schemas"]["RejectedRecord"] | components["schemas"]["PublishedRecord"];
        /** @description A record waiting for content to be uploaded. */
        SourcingRecord: {
            recordId: components["schemas"]["AnyHash"];
            /**
             * @description The state of the record, always `sourcing` (the discriminator). (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "sourcing";
            /**
             * @description The content the registry lacks, by content digest (`sha256:<hex>`), with where to
             *     upload it. OpenAPI 3.0 cannot constrain map keys, so the published
             *     `patternProperties` on the digest is written as `additionalProperties`.
             */
            missingContent: {
                [key: string]: components["schemas"]["MissingContent"];
            };
        };
        /**
         * @description How to provide one missing piece of content. The published document marks nothing
         *     required; warg-server always sends `upload`.
         */
        MissingContent: {
            /** @description Endpoints accepting the raw content bytes; clients use the first one. */
            upload: components["schemas"]["UploadEndpoint"][];
        };
        /**
         * @description An HTTP endpoint to upload content to, with the raw bytes as the body. warg-server
         *     answers `201` with no body.
         */
        UploadEndpoint: {
            /**
             * @description The kind of endpoint; `http` is the only one.
             * @enum {string}
             */
            type: "http";
            /**
             * @description The HTTP method to use.
             * @enum {string}
             */
            method: "POST" | "PUT";
            /**
             * @description The upload URL. It may be relative, to be resolved against the registry root
             *     (warg-server sends `v1/package/{logId}/record/{recordId}/content/{digest}`), so it
             *     has no `format` (the published document says `uri`).
             * @example v1/package/sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f/record/sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce/content/sha256:24eaf3439a60c96764c4f2c92a0a81b52bd4fe5d5b91f090184a0f6486b1bf29
             */
            url: string;
            /**
             * @description Headers to send with the upload, by lowercase name; only `authorization` and
             *     `content-type` occur. Left out when there are none.
             */
            headers?: {
                [key: string]: string;
            };
        };
        /** @description A record being validated, or valid and waiting for the next checkpoint. */
        ProcessingRecord: {
            recordId: components["schemas"]["AnyHash"];
            /**
             * @description The state of the record, always `processing` (the discriminator). (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "processing";
        };
        /** @description A record the registry rejected. */
        RejectedRecord: {
            recordId: components["schemas"]["AnyHash"];
            /**
             * @description The state of the record, always `rejected` (the discriminator). (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "rejected";
            /**
             * @description Why the record was rejected (free text).
             * @example the package record was invalid: the first entry of the log is not "init"
             */
            reason: string;
        };
        /** @description A record published to the registry log. */
        PublishedRecord: {
            recordId: components["schemas"]["AnyHash"];
            /**
             * @description The state of the record, always `published` (the discriminator). (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            state: "published";
            /**
             * @description The position of the record in the registry-wide log.
             * @example 2
             */
            registryIndex: number;
        };
        /** @description The error body of warg-server; `status` repeats the HTTP status. */
        ErrorResponse: {
            /**
             * @description The HTTP status code.
             * @example 400
             */
            status: number;
            /**
             * @description What went wrong.
             * @example Invalid URL: hash contained uppercase hex values
             */
            message: string;
        };
        /** @description The log or the record asked for does not exist. */
        RecordNotFoundError: {
            /**
             * @description The HTTP status code (404).
             * @example 404
             */
            status: number;
            /**
             * @description What was not found; `log` when the log has no records at all.
             * @enum {string}
             */
            type: "log" | "record";
            id: components["schemas"]["AnyHash"];
        };
        /** @description The package's namespace is not defined in this registry. */
        NamespaceNotFoundError: {
            /**
             * @description The HTTP status code (404).
             * @example 404
             */
            status: number;
            /**
             * @description What was not found.
             * @enum {string}
             */
            type: "namespace";
            /**
             * @description The namespace.
             * @example example
             */
            id: string;
        };
        /** @description The record cannot be published to this log here, now. */
        PublishConflictError: {
            /**
             * @description The HTTP status code (409).
             * @example 409
             */
            status: number;
            /**
             * @description The conflict: `namespaceImport` (the namespace belongs to another registry) or
             *     `record` (a record for this log is pending).
             * @enum {string}
             */
            type: "namespaceImport" | "record";
            /**
             * @description The namespace (`namespaceImport`) or the pending record id (`record`).
             * @example wasi
             */
            id: string;
        };
        /** @description A checkpoint of the registry log, signed by the operator key. */
        SignedCheckpoint: {
            /** @description The checkpoint. */
            contents: {
                /** @description The number of records in the registry log at this checkpoint. */
                logLength: number;
                logRoot: components["schemas"]["AnyHash"];
                mapRoot: components["schemas"]["AnyHash"];
                /**
                 * Format: int64
                 * @description When the checkpoint was made, in seconds since the Unix epoch.
                 */
                timestamp: number;
            };
            /**
             * @description The id of the operator key that signed the checkpoint.
             * @example sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb
             */
            keyId: string;
            /**
             * @description The operator's signature, `ecdsa-p256:<base64>`.
             * @example ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4=
             */
            signature: string;
        };
        /** @description Which logs to read, from where, up to which checkpoint. */
        FetchLogsRequest: {
            /**
             * @description The `logLength` of a checkpoint (see `fetchCheckpoint`).
             * @example 3
             */
            logLength: number;
            /**
             * @description The most records to return per log (default 100).
             * @example 100
             */
            limit?: number;
            /** @description The `fetchToken` of the last operator record already read. */
            operator?: string;
            /**
             * @description Package log id → the `fetchToken` of the last record already read, or `null` to
             *     read from the start.
             */
            packages?: {
                [key: string]: string | null;
            };
        };
        /** @description Published records by log. */
        FetchLogsResponse: {
            /** @description Whether a log has more records than returned (ask again from the last tokens). */
            more: boolean;
            /** @description Records of the operator log; left out when empty. */
            operator?: components["schemas"]["PublishedRecordEnvelope"][];
            /** @description Package log id → its records in log order; left out when empty. */
            packages?: {
                [key: string]: components["schemas"]["PublishedRecordEnvelope"][];
            };
            /** @description Warnings; left out when there are none. */
            warnings?: {
                /** @description The warning. */
                message: string;
            }[];
        };
        /** @description A published record as signed by its author, with its place in the registry log. */
        PublishedRecordEnvelope: {
            /**
             * Format: byte
             * @description The protobuf record, standard base64.
             */
            contentBytes: string;
            /** @description The id of the key that signed the record. */
            keyId: string;
            /** @description The record's signature, `ecdsa-p256:<base64>`. */
            signature: string;
            /** @description The position of the record in the registry log. */
            registryIndex: number;
            /** @description Read on after this record by passing it back (warg-server uses the record id). */
            fetchToken: string;
        };
        /** @description A log, fetch token or checkpoint that does not exist. */
        FetchNotFoundError: {
            /**
             * @description The HTTP status code (404).
             * @example 404
             */
            status: number;
            /**
             * @description What was not found.
             * @enum {string}
             */
            type: "log" | "fetchToken" | "logLength";
            /**
             * @description What was not found: the log id or fetch token (a string), or the log length (an
             *     integer).
             */
            id: unknown;
        };
    };
    responses: {
        /**
         * @description An id in the path does not parse as a hash (e.g. uppercase hex or an unknown
         *     algorithm). Not declared in the published document.
         */
        InvalidUrl: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 400,
                 *       "message": "Invalid URL: hash contained uppercase hex values"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request carries a `Warg-Registry` header, which warg-server does not support. The
         *     body is plain text, not JSON. Not declared in the published document.
         */
        WargRegistryNotSupported: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example `Warg-Registry` header is not supported */
                "text/plain": string;
            };
        };
        /** @description An unexpected error; warg-server answers `500` with a fixed message. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": 500,
                 *       "message": "an error occurred while processing the request"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The package log id: the sha256 hash of the package name, see `PackageName`. Its `:` may
         *     be sent as is or percent-encoded; the server decodes both.
         * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
         */
        logId: components["schemas"]["AnyHash"];
        /**
         * @description The record id: `sha256("WARG-PACKAGE-LOG-RECORD-V0:" ‖ contentBytes)`, as returned by
         *     `publishPackageRecord`.
         * @example sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce
         */
        recordId: components["schemas"]["AnyHash"];
        /**
         * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
         *     imported from it. warg-server does not support it: any request carrying this header is
         *     answered with `501` and a `text/plain` body.
         * @example wa.dev
         */
        WargRegistry: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPackageRecord: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path: {
                /**
                 * @description The package log id: the sha256 hash of the package name, see `PackageName`. Its `:` may
                 *     be sent as is or percent-encoded; the server decodes both.
                 * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
                 */
                logId: components["parameters"]["logId"];
                /**
                 * @description The record id: `sha256("WARG-PACKAGE-LOG-RECORD-V0:" ‖ contentBytes)`, as returned by
                 *     `publishPackageRecord`.
                 * @example sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce
                 */
                recordId: components["parameters"]["recordId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageRecord"];
                };
            };
            400: components["responses"]["InvalidUrl"];
            /**
             * @description No such log or record. `log`: no record was ever stored for the log id. `record`:
             *     the log exists but has no record with that id. `id` is the id that was not found.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordNotFoundError"];
                };
            };
            501: components["responses"]["WargRegistryNotSupported"];
            default: components["responses"]["InternalError"];
        };
    };
    publishPackageRecord: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path: {
                /**
                 * @description The package log id: the sha256 hash of the package name, see `PackageName`. Its `:` may
                 *     be sent as is or percent-encoded; the server decodes both.
                 * @example sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f
                 */
                logId: components["parameters"]["logId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "packageName": "example:greeter",
                 *       "record": {
                 *         "contentBytes": "GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==",
                 *         "keyId": "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
                 *         "signature": "ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4="
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PublishPackageRecordRequest"];
            };
        };
        responses: {
            /**
             * @description The record was accepted. `sourcing`: upload each missing content digest to its
             *     upload endpoint; the record is submitted once the last one arrives. `processing`:
             *     the registry has all content and is validating the record.
             */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageRecord"];
                };
            };
            /**
             * @description The path id does not parse, the body is not JSON, `packageName` does not derive
             *     `logId`, or `contentBytes` is not a valid package record. Not declared in the
             *     published document.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /**
             * @description The signature is not accepted. warg-server (`verify_package_record_signature`)
             *     checks it against the log's key with the envelope's `keyId`; when the log has no
             *     such key and the record's first entry is `init`, against that `init` key, whatever
             *     the `keyId` says; otherwise it answers `unknown key id`. So a record starting with
             *     `init` signed by the `init` key but naming another key id is accepted (`202`) and
             *     later `rejected` (warg-server 0.10.0). `401` also comes when the signature does not
             *     verify, or when the registry's authorized-keys policy refuses the key.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The namespace of `packageName` is not defined in this registry's operator log. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 404,
                     *       "type": "namespace",
                     *       "id": "example"
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceNotFoundError"];
                };
            };
            /**
             * @description `namespaceImport`: the namespace is imported from another registry, so its packages
             *     are published there (`id` is the namespace). `record`: a hosted registry is
             *     publishing a record to this log on the user's behalf (e.g. an `init` it signed);
             *     wait for that record (`id`) and retry. warg-server sends only `namespaceImport`.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishConflictError"];
                };
            };
            /** @description The body is larger than axum's default limit (about 2 MiB). Not declared in the published document. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 413,
                     *       "message": "Failed to buffer the request body: length limit exceeded"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not sent as `application/json`. Not declared in the published document. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 415,
                     *       "message": "Expected request with `Content-Type: application/json`"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /**
             * @description The JSON body does not fit `PublishPackageRecordRequest` (a missing field, a bad
             *     `packageName`, signature or base64; the message names the path), or a registry
             *     policy rejected the record (free-form message). The axum rejection is not declared
             *     in the published document.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /**
             * @description Not supported by warg-server. With `contentSources` in the body: JSON
             *     `ErrorResponse` (content must be uploaded instead). With a `Warg-Registry` header:
             *     a `text/plain` body.
             */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 501,
                     *       "message": "specifying content sources is not supported"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                    /** @example `Warg-Registry` header is not supported */
                    "text/plain": string;
                };
            };
            default: components["responses"]["InternalError"];
        };
    };
    fetchCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest checkpoint, signed by the registry operator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "contents": {
                     *         "logLength": 3,
                     *         "logRoot": "sha256:7d38b5cd25a2baf85ad3bb5b9311383e671a8a142eb302b324d4a5fba8748c69",
                     *         "mapRoot": "sha256:b4aee76211758a2579309e3c22b20dfb9896e2e545554355bf16656c3ee0ca40",
                     *         "timestamp": 1767322800
                     *       },
                     *       "keyId": "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
                     *       "signature": "ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4="
                     *     }
                     */
                    "application/json": components["schemas"]["SignedCheckpoint"];
                };
            };
            501: components["responses"]["WargRegistryNotSupported"];
            default: components["responses"]["InternalError"];
        };
    };
    fetchLogs: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Asks the registry to answer for another registry (federation), e.g. for a namespace
                 *     imported from it. warg-server does not support it: any request carrying this header is
                 *     answered with `501` and a `text/plain` body.
                 * @example wa.dev
                 */
                "Warg-Registry"?: components["parameters"]["WargRegistry"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "logLength": 3,
                 *       "packages": {
                 *         "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f": null
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["FetchLogsRequest"];
            };
        };
        responses: {
            /** @description The records, by log id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "more": false,
                     *       "packages": {
                     *         "sha256:d2d5cc043f23da80088411eab2071cc36f26e0e01529e4e7e251970fffe4f03f": [
                     *           {
                     *             "contentBytes": "GgsIwPiJwwYQgJTvOiJDCkEKN2VjZHNhLXAyNTY6QXdOUkxpNk1rMGNpdTA4aWpoMnV0UVlmVnYxZnMyT2xWUkt6eURSeVFtbFMSBnNoYTI1NiJSIlAKBTEuMC4wEkdzaGEyNTY6MjRlYWYzNDM5YTYwYzk2NzY0YzRmMmM5MmEwYTgxYjUyYmQ0ZmU1ZDViOTFmMDkwMTg0YTBmNjQ4NmIxYmYyOQ==",
                     *             "keyId": "sha256:25fed21e9948f7d0953ed1ea8f15f4b6d2c7cebb177d4d5b0f3276b09048aebb",
                     *             "signature": "ecdsa-p256:MEUCIQCOP+FWh+/VNJbnSBm5WWHMkVBwgM/1PacaTfABSsqWyQIgPIWefVhKOqiFXDMlPz7v6jfeM47xddHayqW3gYVhja4=",
                     *             "registryIndex": 2,
                     *             "fetchToken": "sha256:1a3ea76dfefc88639ceb64478bf54036a99c309740cc2204ffeabec4069785ce"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["FetchLogsResponse"];
                };
            };
            /** @description A `limit` outside 1..1000, or a body that is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 400,
                     *       "message": "invalid records limit value `0`: must be between 1 and 1000"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /**
             * @description `log`: no record of that log is published; `logLength`: no checkpoint has that log
             *     length (`id` is then a number); `fetchToken`: a token that does not parse as a hash.
             *     A well-formed token that is not a published record of the log is not answered:
             *     warg-server 0.10.0's in-memory store panics on it (`get_package_records` in
             *     `crates/server/src/datastore/memory.rs`). All three checked against warg-server 0.10.0.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FetchNotFoundError"];
                };
            };
            /** @description The body is not sent as `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 415,
                     *       "message": "Expected request with `Content-Type: application/json`"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The JSON body does not fit `FetchLogsRequest` (unknown fields are refused too). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 422,
                     *       "message": "Failed to deserialize the JSON body into the target type: missing field `logLength` at line 1 column 2"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            501: components["responses"]["WargRegistryNotSupported"];
            default: components["responses"]["InternalError"];
        };
    };
}
