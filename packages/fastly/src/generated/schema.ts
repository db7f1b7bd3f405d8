export interface paths {
    "/service/{service_id}/version/{version_id}/package": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Alphanumeric string identifying the service.
                 * @example SU1Z0isxPaozGVKXdv0eY
                 */
                service_id: components["parameters"]["service_id"];
                /**
                 * @description Integer identifying a service version.
                 * @example 1
                 */
                version_id: components["parameters"]["version_id"];
            };
            cookie?: never;
        };
        /**
         * Get details of the service's Compute package.
         * @description Returns what Fastly extracted from the Compute package uploaded for this service
         *     version. Reads are not rate-limited; the recorded GET answers carry no rate-limit headers
         *     (go-fastly fixture `fastly/fixtures/package/get.yaml`).
         */
        get: operations["getPackage"];
        /**
         * Upload a Compute package.
         * @description Uploads a Compute package (a `.tar.gz` holding the Wasm binary and `fastly.toml`) for the
         *     service version. Fastly allows at most 100,000,000 bytes per package; the Fastly CLI
         *     refuses larger files before uploading (`MaxPackageSize` in the Fastly CLI). A locked
         *     (active or formerly active) version cannot be changed: the API answers `422 Version
         *     locked`.
         *
         *     Writes are rate-limited (1,000 an hour per user). The `Fastly-RateLimit-Remaining` and
         *     `Fastly-RateLimit-Reset` headers were recorded on `200` and `400` answers (go-fastly
         *     fixtures `fastly/fixtures/package/update.yaml` and `update_invalid.yaml`). They are also
         *     declared on `422` and `429`, where no recording shows them; other answers may lack them.
         *
         *     A client may send `Expect: 100-continue` to have Fastly check the request's headers
         *     (token, service, version) before the package is sent, so a rejected upload costs no
         *     bandwidth. Fastly's published document lists it as an optional `expect` header
         *     parameter; it is left out here because `fetch` cannot send it (Node's fetch throws
         *     `expect header not supported`, and browsers forbid the header).
         */
        put: operations["putPackage"];
        post?: never;
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
        PackageUpload: {
            /**
             * Format: binary
             * @description The package archive (`.tar.gz`), at most 100,000,000 bytes.
             */
            package: Blob;
        };
        /**
         * @description A Compute package of a service version. Fastly composes it (allOf) from `Package`,
         *     `ServiceIdAndVersion`, `Timestamps` and the package `id`; it is flattened here.
         */
        PackageResponse: {
            metadata?: components["schemas"]["PackageMetadata"];
            /**
             * @description Alphanumeric string identifying the service.
             * @example OOaJq4HVv57fNDv86Qfzf5
             */
            readonly service_id?: string;
            /**
             * @description The service version the package belongs to.
             * @example 2
             */
            readonly version?: number;
            /**
             * @description Alphanumeric string identifying the package.
             * @example ET9AMPS47ntJazcce7f0W7
             */
            readonly id?: string;
            /**
             * Format: date-time
             * @description When the package was created (ISO 8601).
             */
            readonly created_at?: string | null;
            /**
             * Format: date-time
             * @description When the package was last updated (ISO 8601).
             */
            readonly updated_at?: string | null;
            /**
             * Format: date-time
             * @description When the package was deleted (ISO 8601); `null` for a live package.
             */
            readonly deleted_at?: string | null;
        };
        /**
         * @description What Fastly extracted from the uploaded package (its `fastly.toml` manifest and the
         *     archive). Open to fields the live API adds later.
         */
        PackageMetadata: {
            /**
             * @description Name of the Compute package.
             * @example test-package
             */
            name?: string;
            /** @description Description of the Compute package. */
            description?: string;
            /** @description A list of package authors' email addresses. */
            authors?: string[];
            /**
             * @description The language of the Compute package.
             * @example rust
             */
            language?: string;
            /**
             * @deprecated
             * @description Size of the package in bytes. Deprecated by Fastly along with `hashsum`.
             */
            size?: number;
            /**
             * @deprecated
             * @description SHA-512 of the whole package archive, as 128 lowercase hex digits. Deprecated by
             *     Fastly in favour of `files_hash`.
             */
            hashsum?: string;
            /**
             * @description Hash over the files inside the package (128 hex digits). The Fastly CLI compares it
             *     with a locally computed hash to skip uploading an unchanged package.
             */
            files_hash?: string;
            /**
             * @description URL of the starter kit the project was cloned from. Sent by the live API; missing
             *     from Fastly's published document.
             */
            cloned_from?: string;
            /**
             * @description Build information found in the Wasm binary (toolchain versions, crates). Sent by the
             *     live API on uploads only; missing from Fastly's published document.
             */
            wasm_metadata?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description The error body of Fastly's API. */
        ErrorResponse: {
            /** @description A short title of the error. */
            msg: string;
            /** @description An explanation, when Fastly gives one. */
            detail?: string;
        };
    };
    responses: {
        /** @description The `Fastly-Key` token is missing, invalid or expired. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "msg": "Provided credentials are missing or invalid"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The token may not do this, e.g. a read-only (`global:read`) token on an upload. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "msg": "Read only tokens are not allowed to access this endpoint."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description No such service or version, no package for the version, or a token that cannot see
         *     the service (Fastly answers 404 rather than 403 then). Package uploads to an unknown or
         *     unauthorised service have answered `{"msg":"Not found"}` (fastly/cli #367, #1237);
         *     a missing package record answers `{"msg":"Record not found","detail":"Couldn't find
         *     Package '{ deleted => …, service => …, version => … }'"}`.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "msg": "Not found"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Fastly's API was unavailable. Package uploads have answered 503 with an empty body (a
         *     71 MB package in 2021, fastly/cli #362) and with a legacy error body whose `errors`
         *     entry carries only `index: 0`, which the Fastly CLI prints as `error at index: 0`
         *     (fastly/cli #1100; go-fastly `fastly/errors.go`). Retry later.
         */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        /**
         * @description Alphanumeric string identifying the service.
         * @example SU1Z0isxPaozGVKXdv0eY
         */
        service_id: string;
        /**
         * @description Integer identifying a service version.
         * @example 1
         */
        version_id: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Writes left in the current rate-limit window.
         * @example 992
         */
        RateLimitRemaining: number;
        /**
         * @description When the current rate-limit window ends, in seconds since the Unix epoch (UTC).
         * @example 1716584400
         */
        RateLimitReset: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Alphanumeric string identifying the service.
                 * @example SU1Z0isxPaozGVKXdv0eY
                 */
                service_id: components["parameters"]["service_id"];
                /**
                 * @description Integer identifying a service version.
                 * @example 1
                 */
                version_id: components["parameters"]["version_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package of the service version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ET9AMPS47ntJazcce7f0W7",
                     *       "service_id": "OOaJq4HVv57fNDv86Qfzf5",
                     *       "version": 2,
                     *       "created_at": "2024-05-24T20:12:52Z",
                     *       "updated_at": "2024-05-24T20:12:52Z",
                     *       "deleted_at": null,
                     *       "metadata": {
                     *         "name": "test-package",
                     *         "description": "An empty starter kit project template.",
                     *         "authors": [
                     *           "<oss@fastly.com>"
                     *         ],
                     *         "language": "rust",
                     *         "size": 1540845,
                     *         "hashsum": "041509800a503fe6a180a5441bd8f2c4cdacb013f34630bfc4f0373ad135baf52a6f241dfb0f3582bfc56189988b09f3a22f0c64fbb45113625097dcf3280fcf",
                     *         "files_hash": "db17173cb04bb1da5e8629b03156a636f82a0854b0511c943b8d5b6de40f288d4124dd66deabd11db6a6c7e571979b63af864da1e81c3b6f7a28a68d9e66717f",
                     *         "cloned_from": "https://github.com/fastly/compute-starter-kit-rust-empty"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PackageResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Alphanumeric string identifying the service.
                 * @example SU1Z0isxPaozGVKXdv0eY
                 */
                service_id: components["parameters"]["service_id"];
                /**
                 * @description Integer identifying a service version.
                 * @example 1
                 */
                version_id: components["parameters"]["version_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PackageUpload"];
            };
        };
        responses: {
            /** @description The package was stored; its extracted metadata. */
            200: {
                headers: {
                    "Fastly-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "Fastly-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ET9AMPS47ntJazcce7f0W7",
                     *       "service_id": "OOaJq4HVv57fNDv86Qfzf5",
                     *       "version": 2,
                     *       "created_at": "2024-05-24T20:12:52Z",
                     *       "updated_at": "2024-05-24T20:12:53Z",
                     *       "deleted_at": null,
                     *       "metadata": {
                     *         "name": "test-package",
                     *         "description": "An empty starter kit project template.",
                     *         "authors": [
                     *           "<oss@fastly.com>"
                     *         ],
                     *         "language": "rust",
                     *         "size": 1540845,
                     *         "hashsum": "041509800a503fe6a180a5441bd8f2c4cdacb013f34630bfc4f0373ad135baf52a6f241dfb0f3582bfc56189988b09f3a22f0c64fbb45113625097dcf3280fcf",
                     *         "files_hash": "db17173cb04bb1da5e8629b03156a636f82a0854b0511c943b8d5b6de40f288d4124dd66deabd11db6a6c7e571979b63af864da1e81c3b6f7a28a68d9e66717f",
                     *         "wasm_metadata": {
                     *           "processed-by": {
                     *             "rustc": "1.78.0 (9b00956e5 2024-04-29)",
                     *             "fastly": "0.10.1"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PackageResponse"];
                };
            };
            /**
             * @description The package could not be read (not a gzip'd tar, no `fastly.toml`, or a debug build).
             *     Until late 2022 Fastly answered `200` with `"metadata": null` instead.
             */
            400: {
                headers: {
                    "Fastly-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "Fastly-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "msg": "Bad request",
                     *       "detail": "Failed to extract metadata from package"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The service version is locked and cannot take a new package. */
            422: {
                headers: {
                    "Fastly-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "Fastly-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "msg": "Version locked",
                     *       "detail": "Version '2' for service 'OOaJq4HVv57fNDv86Qfzf5' is locked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /**
             * @description More than 1,000 writes in the current hour. Retry after `Fastly-RateLimit-Reset`.
             *     Fastly does not document this body; it is assumed to use the usual `{msg}` shape.
             */
            429: {
                headers: {
                    "Fastly-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "Fastly-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "msg": "Too many requests",
                     *       "detail": "Rate limit exceeded. Retry after the time given in Fastly-RateLimit-Reset."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
