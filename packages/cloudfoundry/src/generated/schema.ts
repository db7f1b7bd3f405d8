export interface paths {
    "/v3/apps/{guid}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the app.
                 * @example 1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5
                 */
                guid: components["parameters"]["app_guid"];
            };
            cookie?: never;
        };
        /**
         * List the packages of an app.
         * @description Lists the packages of one app, oldest first unless `order_by` says otherwise.
         *
         *     Accepts the same filters as `listPackages` except `app_guids`, `space_guids` and
         *     `organization_guids`: sending one of those answers 400 `Unknown query parameter(s)`.
         *     Unlike the seed (and the docs' table), this list also accepts `guids`, `created_ats`,
         *     `updated_ats` and `label_selector`. Users who cannot see the app (org auditors, org
         *     billing managers, users without a role) get 404, not 403.
         */
        get: operations["listAppPackages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List packages.
         * @description Lists the packages of every space the user can read, oldest first unless `order_by` says
         *     otherwise. Packages the user cannot see are filtered out: this list never answers 403 or
         *     404 for visibility (403 only when the token lacks the `cloud_controller.read` scope).
         *     Filters are ANDed across parameters and ORed within a comma-separated parameter.
         */
        get: operations["listPackages"];
        put?: never;
        /**
         * Create a package, or copy one to another app.
         * @description **Create** (no `source_guid`): the body is a `PackageCreate`. A `bits` package is
         *     created in state `AWAITING_UPLOAD` (upload its bits next); a `docker` package is created
         *     `READY`. A Docker app takes only `docker` packages and a buildpack app only `bits`
         *     packages; a CNB app is not checked and takes either (`PackagesController#create_fresh`).
         *
         *     **Copy** (`?source_guid={guid}`): the body is a `PackageCopy` naming the destination
         *     app. A bits copy starts in `COPYING` and becomes `READY` or `FAILED` (`data.error` starts
         *     with `failed to copy - `); a docker copy is `READY` at once and keeps the image but not the
         *     credentials. Metadata is not copied. The user needs write access to both spaces.
         *
         *     The seed's `POST /v3/packages/{guid}/copy` route does not exist on Cloud Foundry (not in
         *     Cloud Controller's `config/routes.rb`): copy is this same path and method with the source
         *     package in the `source_guid` query parameter, so both are one operation here.
         *
         *     Neither answer carries a `Location` header. Users who cannot see the app (or the source
         *     package) get 422, not 404.
         */
        post: operations["createPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/packages/{guid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        /**
         * Get a package.
         * @description Returns one package. Poll this after an upload or a copy until `state` is `READY` or
         *     `FAILED`; packing and copying failures are reported here (`data.error`), never as an HTTP
         *     error of the upload.
         */
        get: operations["getPackage"];
        put?: never;
        post?: never;
        /**
         * Delete a package.
         * @description Deletes the package and enqueues the deletion of its blob. Answers 202 with no body and
         *     a `Location` header naming the job (`GET` it: `operation` is `package.delete`, `state`
         *     goes `PROCESSING` → `COMPLETE`, or `FAILED` with `errors`; see `getJob`). Unlike the
         *     seed says, Cloud Controller does not refuse to delete a package used by a build or
         *     droplet (`PackagesController#destroy`, `app/actions/package_delete.rb`).
         */
        delete: operations["deletePackage"];
        options?: never;
        head?: never;
        /**
         * Update a package's metadata or Docker credentials.
         * @description Merges labels and annotations (a `null` value deletes the key; keys not named are kept)
         *     and, for docker packages, replaces the registry `username` and `password` (the app must be
         *     restaged to use new credentials). The seed allowed only `metadata`.
         *
         *     The body is validated before the package is looked up: an invalid body on an unknown guid
         *     answers 422, not 404. `username` or `password` on a bits package answers 422.
         */
        patch: operations["updatePackage"];
        trace?: never;
    };
    "/v3/jobs/{guid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the job.
                 * @example c33a5caf-77e0-4d6e-b587-5555d339bc9a
                 */
                guid: components["parameters"]["job_guid"];
            };
            cookie?: never;
        };
        /**
         * Get a job.
         * @description Returns an asynchronous job, such as the one a package deletion answers with in
         *     `Location` (`JobsController#show`, `app/presenters/v3/job_presenter.rb`). Poll it until
         *     `state` is `COMPLETE` or `FAILED`; a `FAILED` job lists why in `errors`. Not in the seed.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/packages/{guid}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the bits of a bits package.
         * @description Uploads the app's files to a bits package in state `AWAITING_UPLOAD` (the only state that
         *     accepts an upload; a package takes bits once). Send a zip of the files in `bits`, and in
         *     `resources` the fingerprints of files the blobstore already holds (found with
         *     `POST /v3/resource_matches`) so they can be left out of the zip. Both parts are optional
         *     but at least one is required (`Upload must include either resources or bits`); OpenAPI
         *     3.0 cannot say "one of these two properties", so the schema only requires a non-empty
         *     form. The seed required `bits`.
         *
         *     The answer is `200` (not 201 or 202) with the package in `PROCESSING_UPLOAD`. A background
         *     job then checks the zip, adds the matched resources and stores the result; poll
         *     `getPackage` until `READY` or `FAILED`. Problems found by that job (unzipped size over
         *     `packages.max_package_size`, default 1 GiB; an invalid file mode or an unsafe path; a
         *     resource whose checksum does not match) appear as `FAILED` with `data.error`, never as an
         *     HTTP error.
         *
         *     In production nginx takes the upload (limit `cc.app_bits_max_body_size`, default 1536 MB)
         *     and answers a bigger body with a plain nginx 413 page, not a Cloud Controller error; token
         *     expiry is judged from the start of the upload.
         */
        post: operations["uploadPackageBits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/packages/{guid}/download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        /**
         * Download the bits of a bits package.
         * @description Downloads the zip of a `READY` bits package. With a remote blobstore (`storage-cli` for
         *     S3, GCS, Azure and others, or WebDAV: most deployments) Cloud Controller
         *     answers `302` with a signed, short-lived blobstore URL in `Location`. Only the `local`
         *     blobstore type (a directory on the Cloud Controller VM, `LocalClient`, added in 2026 by
         *     cloud_controller_ng #4980) makes it answer `200` with the file itself
         *     (`BlobDispatcher#send_or_redirect_blob`, sent with Rails' `send_file` as
         *     `application/octet-stream`). The older NFS blobstore, whose zip nginx served via
         *     `X-Accel-Redirect` with `application/zip`, went away with fog (#5288, 2026-07). Do not
         *     send the bearer token to the redirect target: some blobstores reject requests that carry
         *     it (most HTTP clients drop `Authorization` on a cross-host redirect, `fetch` included).
         *
         *     Needs permission to read secrets in the space (admin, admin read-only, space developer);
         *     other roles that can see the package get 403.
         */
        get: operations["downloadPackageBits"];
        put?: never;
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
        /**
         * @description Sort order of a package list: `created_at` or `updated_at`, ascending (no prefix or `+`)
         *     or descending (`-`) (`app/mappers/order_by_mapper.rb`).
         * @enum {string}
         */
        PackageOrderBy: "created_at" | "-created_at" | "+created_at" | "updated_at" | "-updated_at" | "+updated_at";
        /**
         * @description A date-time as the timestamp filters accept it: UTC, whole seconds,
         *     `YYYY-MM-DDThh:mm:ssZ`. Anything else (fractions, offsets) answers 400
         *     `has an invalid timestamp format`.
         * @example 2026-08-01T00:00:00Z
         */
        FilterTimestamp: string;
        /**
         * @description `bits` (uploaded files) or `docker` (an image reference). There is no `cnb` package type
         *     (the seed listed one): CNB apps use `bits` packages and `cnb` is rejected with 422.
         * @enum {string}
         */
        PackageType: "bits" | "docker";
        /**
         * @description - `AWAITING_UPLOAD`: a bits package without bits; the only state that accepts an upload.
         *     - `PROCESSING_UPLOAD`: an upload is being packed in the background.
         *     - `READY`: the bits are stored (docker packages are created `READY`).
         *     - `FAILED`: packing or copying failed; see `data.error`.
         *     - `COPYING`: a bits copy is running.
         *     - `EXPIRED`: pruned (an app keeps its 5 newest `READY`/`FAILED` packages by default); it
         *       can no longer be staged or downloaded.
         *
         *     Transitions: `AWAITING_UPLOAD` → `PROCESSING_UPLOAD` → `READY` | `FAILED`;
         *     `COPYING` → `READY` | `FAILED`; `READY` | `FAILED` → `EXPIRED`.
         * @enum {string}
         */
        PackageState: "AWAITING_UPLOAD" | "PROCESSING_UPLOAD" | "READY" | "FAILED" | "COPYING" | "EXPIRED";
        /** @description A package. Every key is always present, in every state. */
        Package: {
            /**
             * Format: uuid
             * @description GUID of the package.
             */
            guid: string;
            /**
             * Format: date-time
             * @description When the package was created (UTC, whole seconds).
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When the package last changed; every state change updates it.
             */
            updated_at: string;
            type: components["schemas"]["PackageType"];
            data: components["schemas"]["PackageData"];
            state: components["schemas"]["PackageState"];
            relationships: components["schemas"]["PackageRelationships"];
            metadata: components["schemas"]["Metadata"];
            links: components["schemas"]["PackageLinks"];
        };
        /**
         * @description Type-specific data. Its keys depend on the package's `type`:
         *
         *     - `bits`: `error` and `checksum`, both always present.
         *     - `docker`: `image`, `username` and `password`, all always present.
         *
         *     Read the keys that belong to `type`; the others are absent. (The seed had one shape with
         *     write-only credentials and a non-null checksum; both were wrong.)
         */
        PackageData: {
            /**
             * @description bits: why the package is `FAILED` (the message of the failed packing or copying
             *     job), otherwise `null`.
             * @example The app package is invalid: Package may not be larger than 1073741824 bytes
             */
            error?: string | null;
            checksum?: components["schemas"]["PackageChecksum"];
            /**
             * @description docker: the image reference.
             * @example registry.example.org/payments/api:1.4.2
             */
            image?: string;
            /**
             * @description docker: the registry user name, in clear text, or `null` without credentials (also
             *     for a copied docker package, which does not keep credentials).
             * @example robot-deployer
             */
            username?: string | null;
            /**
             * @description docker: never returned. Cloud Controller writes `***` when `username` is set and
             *     `null` otherwise.
             * @example ***
             */
            password?: string | null;
        };
        /** @description bits only. The checksum of the stored zip. */
        PackageChecksum: {
            /**
             * @description `sha256`; `sha1` only for legacy packages that have no SHA-256 checksum.
             * @enum {string}
             */
            type: "sha256" | "sha1";
            /**
             * @description Hex digest; `null` until the package is `READY`, and again once the blob of an
             *     `EXPIRED` package has been deleted.
             * @example 3b8a32b4a2bd0c1f1b5f3e4c5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c
             */
            value: string | null;
        };
        /** @description The package's only relationship, its app. */
        PackageRelationships: {
            app: components["schemas"]["AppRelationship"];
        };
        /** @description A to-one relationship to an app. */
        AppRelationship: {
            data: components["schemas"]["RelationshipData"];
        };
        /** @description The related resource. */
        RelationshipData: {
            /**
             * Format: uuid
             * @description GUID of the related resource.
             * @example 1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5
             */
            guid: string;
        };
        /**
         * @description Absolute URLs on the API's host. `self` and `app` are always present; `upload` and
         *     `download` only on bits packages (in every state). There is no `stage` link (stage with
         *     `POST /v3/builds`).
         */
        PackageLinks: {
            self: components["schemas"]["Link"];
            upload?: components["schemas"]["Link"];
            download?: components["schemas"]["Link"];
            app: components["schemas"]["Link"];
        };
        /**
         * @description A link. `method` is sent only when it is not GET: the `upload` link has `"method":
         *     "POST"`; `download` has none (Cloud Controller's docs still show `GET`, but it was
         *     removed from the responses in 2020).
         */
        Link: {
            /**
             * Format: uri
             * @description Absolute URL.
             * @example https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload
             */
            href: string;
            /**
             * @description HTTP method to use with `href`.
             * @example POST
             */
            method?: string;
        };
        /**
         * @description Labels and annotations. Both maps are always present in responses (`{}` when empty).
         *     Keys are an optional DNS-style prefix of at most 253 characters and `/`, then a name of
         *     1–63 characters from `[A-Za-z0-9-_.]` that starts and ends alphanumeric; the prefix
         *     `cloudfoundry.org` is reserved.
         */
        Metadata: {
            /**
             * @description Label values are 0–63 characters from `[A-Za-z0-9-_.]`, starting and ending alphanumeric.
             * @example {
             *       "team": "payments"
             *     }
             */
            labels: {
                [key: string]: string;
            };
            /**
             * @description Annotation values are at most 5000 characters.
             * @example {
             *       "contact": "payments-team@corp.example"
             *     }
             */
            annotations: {
                [key: string]: string;
            };
        };
        /**
         * @description Labels and annotations to change. Changes merge into the existing metadata: keys not
         *     named are kept and a `null` value deletes the key (the seed typed values as non-null).
         */
        MetadataUpdate: {
            /**
             * @example {
             *       "team": "payments",
             *       "stale": null
             *     }
             */
            labels?: {
                [key: string]: string | null;
            };
            /**
             * @example {
             *       "commit": "9f2c1e0"
             *     }
             */
            annotations?: {
                [key: string]: string | null;
            };
        };
        /** @description One page of packages. */
        PackageList: {
            pagination: components["schemas"]["Pagination"];
            resources: components["schemas"]["Package"][];
        };
        /**
         * @description Where this page sits in the result. The links repeat the effective `per_page`, the page,
         *     an explicit `order_by` and every filter sent, with the query keys sorted alphabetically.
         */
        Pagination: {
            /**
             * @description Number of results across all pages.
             * @example 3
             */
            total_results: number;
            /**
             * @description Number of pages; at least 1, also for an empty result.
             * @example 2
             */
            total_pages: number;
            first: components["schemas"]["PaginationLink"];
            last: components["schemas"]["PaginationLink"];
            next: components["schemas"]["NullablePaginationLink"];
            previous: components["schemas"]["NullablePaginationLink"];
        };
        /** @description Link to a page. */
        PaginationLink: {
            /**
             * Format: uri
             * @description Absolute URL of the page.
             * @example https://api.cf.example/v3/packages?page=1&per_page=2&states=READY%2CFAILED
             */
            href: string;
        };
        /** @description Link to the next or previous page; `null` on the last or the first page. */
        NullablePaginationLink: {
            /**
             * Format: uri
             * @description Absolute URL of the page.
             * @example https://api.cf.example/v3/packages?page=2&per_page=2&states=READY%2CFAILED
             */
            href: string;
        } | null;
        /**
         * @description Body of `POST /v3/packages`: a `PackageNew` for a create (no `source_guid`) or a
         *     `PackageCopy` for a copy (`?source_guid=`). Cloud Controller ignores extra keys in a
         *     copy body; this document closes `PackageCopy` so that a body matches exactly one
         *     of the two.
         */
        PackageCreate: components["schemas"]["PackageNew"] | components["schemas"]["PackageCopy"];
        /**
         * @description Body of a create (no `source_guid`): `type` and `relationships` are required, `data`
         *     only for docker packages. Cloud Controller answers 422 without `type`.
         */
        PackageNew: WithRequired<components["schemas"]["PackageNewFields"], "type" | "relationships">;
        /** @description The fields of a create body; see `PackageNew` for which are required. */
        PackageNewFields: {
            type?: components["schemas"]["PackageType"];
            data?: components["schemas"]["CreatePackageData"];
            relationships: components["schemas"]["PackageRelationships"];
            metadata?: components["schemas"]["MetadataCreate"];
        };
        /**
         * @description For `docker` packages: the image and optional registry credentials (`image` is
         *     required). For `bits` packages leave `data` out or send `{}`: any key answers 422.
         */
        CreatePackageData: {
            /**
             * @description docker: the image reference (required for docker).
             * @example registry.example.org/payments/api:1.4.2
             */
            image?: string;
            /**
             * @description docker: registry user name.
             * @example robot-deployer
             */
            username?: string;
            /**
             * @description docker: registry password; never returned.
             * @example s3cr3t-registry-token
             */
            password?: string;
        };
        /** @description Labels and annotations of the new package (same key and value rules as `Metadata`). */
        MetadataCreate: {
            labels?: {
                [key: string]: string;
            };
            annotations?: {
                [key: string]: string;
            };
        };
        /**
         * @description Body of a copy (`?source_guid=`): only the destination app, which must differ from the
         *     source package's app. Cloud Controller ignores other keys; they are disallowed here so a
         *     body matches exactly one of the create and copy shapes.
         */
        PackageCopy: {
            relationships: components["schemas"]["PackageRelationships"];
        };
        /**
         * @description Body of an update. Only these keys are allowed; `username` and `password` only for docker
         *     packages.
         */
        PackageUpdate: {
            metadata?: components["schemas"]["MetadataUpdate"];
            /**
             * @description docker: new registry user name.
             * @example robot-deployer
             */
            username?: string;
            /**
             * @description docker: new registry password; never returned.
             * @example n3w-registry-token
             */
            password?: string;
        };
        /**
         * @description The multipart form of an upload. Send `resources`, `bits`, or both (the `cf` CLI sends
         *     `resources` first); at least one is required, which `minProperties: 1` approximates.
         */
        PackageUpload: {
            /**
             * Format: binary
             * @description A zip of the files not listed in `resources` (the `cf` CLI names it `package.zip`).
             */
            bits?: Blob;
            /**
             * @description A plain text form field (no file name, no part content type) holding a JSON array of
             *     fingerprints of files already in the resource cache, to be added to the package
             *     without uploading them. The `cf` CLI writes it with Go's `multipart.Writer.WriteField`
             *     (`api/cloudcontroller/ccv3/package.go`) and Cloud Controller parses the text with
             *     `Oj.load`, answering 422 `Resources must be valid JSON.` otherwise
             *     (`PackagesController#upload`). Each fingerprint is an object:
             *
             *     - `checksum` (required): `{"value": "<SHA-1 of the file, 40 hex digits>"}`.
             *     - `size_in_bytes` (required): integer, the file size.
             *     - `path`: the file's path relative to the app root; unsafe paths (`../`) fail the
             *       package.
             *     - `mode`: octal file mode as a string, default `0744`; it must grant the owner read
             *       and write (0600), otherwise the package fails.
             *
             *     Cloud Controller also accepts the legacy v2 shape `{fn, size, sha1, mode}`; an entry
             *     with both `checksum` and `size_in_bytes` is read as v3.
             * @example [{"checksum":{"value":"002d760bea1be268e27077412e11a320d0f164d3"},"size_in_bytes":1024,"path":"app/lib/server.js","mode":"644"}]
             */
            resources?: string;
        };
        /**
         * @description - `PROCESSING`: the job is running.
         *     - `POLLING`: the job waits on something outside Cloud Controller (for example a service
         *       broker) and is polled.
         *     - `COMPLETE`: the job finished.
         *     - `FAILED`: the job failed; `errors` says why.
         *
         *     `COMPLETE` and `FAILED` are final (`app/models/runtime/pollable_job_model.rb`).
         * @enum {string}
         */
        JobState: "PROCESSING" | "POLLING" | "COMPLETE" | "FAILED";
        /** @description An asynchronous job (`app/presenters/v3/job_presenter.rb`). Every key is always present. */
        Job: {
            /**
             * Format: uuid
             * @description GUID of the job.
             */
            guid: string;
            /**
             * Format: date-time
             * @description When the job was created (UTC, whole seconds).
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When the job last changed.
             */
            updated_at: string;
            /**
             * @description What the job does, `<resource>.<action>`; `package.delete` for a package deletion.
             * @example package.delete
             */
            operation: string;
            state: components["schemas"]["JobState"];
            /** @description Why the job failed; empty unless `state` is `FAILED`. */
            errors: components["schemas"]["ErrorItem"][];
            /** @description Warnings the job raised while it ran. */
            warnings: components["schemas"]["JobWarning"][];
            links: components["schemas"]["JobLinks"];
        };
        /** @description A warning raised by a job. */
        JobWarning: {
            /**
             * @description The warning.
             * @example The service broker reported a delay.
             */
            detail: string;
        };
        /**
         * @description `self`, and a link to the resource the job works on while that resource exists (`package`
         *     for `package.delete` until the package is gone).
         */
        JobLinks: {
            self: components["schemas"]["Link"];
            package?: components["schemas"]["Link"];
        };
        /**
         * @description Cloud Controller's error envelope (the seed used a single error object). The array holds
         *     one error; several validation messages are joined with ", " into its `detail`.
         */
        Errors: {
            errors: components["schemas"]["ErrorItem"][];
        };
        /** @description One error. Branch on `code` and `title`; `detail` is for humans and may change. */
        ErrorItem: {
            /**
             * @description What went wrong.
             * @example Package not found
             */
            detail: string;
            /**
             * @description `CF-` followed by the error name (`UnknownError` has no prefix).
             * @example CF-ResourceNotFound
             */
            title: string;
            /**
             * @description Numeric error code from Cloud Controller's error table.
             * @example 10010
             */
            code: number;
        };
    };
    responses: {
        /** @description A query parameter is invalid or unknown. */
        BadQueryParameter: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "The query parameter is invalid: Per page must be between 1 and 5000",
                 *           "title": "CF-BadQueryParameter",
                 *           "code": 10005
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /** @description The body is not valid JSON. */
        MessageParseError: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "Request invalid due to parse error: invalid request body",
                 *           "title": "CF-MessageParseError",
                 *           "code": 1001
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /**
         * @description No token (`CF-NotAuthenticated`, 10002) or an invalid or expired token
         *     (`CF-InvalidAuthToken`, 1000).
         */
        Unauthorized: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "Authentication error",
                 *           "title": "CF-NotAuthenticated",
                 *           "code": 10002
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /** @description The token lacks the `cloud_controller.read` scope. */
        ForbiddenRead: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "You are not authorized to perform the requested action",
                 *           "title": "CF-NotAuthorized",
                 *           "code": 10003
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /**
         * @description The user may see the space but not write to it (only admins and space developers may),
         *     the token lacks the `cloud_controller.write` scope (`CF-NotAuthorized`, 10003), or the
         *     organization or space is suspended (`CF-OrgSuspended` 10017, `CF-SpaceSuspended` 10019).
         */
        ForbiddenWrite: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "You are not authorized to perform the requested action",
                 *           "title": "CF-NotAuthorized",
                 *           "code": 10003
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /**
         * @description No such package, or the user cannot see it (org auditors, org billing managers and users
         *     without a role get 404 rather than 403).
         */
        PackageNotFound: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "Package not found",
                 *           "title": "CF-ResourceNotFound",
                 *           "code": 10010
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /**
         * @description The operator's rate limiter is on and the user has used up the requests of the current
         *     window. Retry after `Retry-After` seconds. Cloud Controller's rate limiter
         *     (`middleware/base_rate_limiter.rb`) answers with `Content-Type: text/plain;
         *     charset=utf-8`, but the text is the usual JSON `errors` envelope with
         *     `CF-RateLimitExceeded` (10013); parse it as JSON.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /** @example {"errors":[{"title":"CF-RateLimitExceeded","detail":"Rate Limit Exceeded","code":10013}]} */
                "text/plain": string;
            };
        };
        /**
         * @description An unexpected error (an exception Cloud Controller does not map to an API error). The
         *     title has no `CF-` prefix (`app/presenters/v3_error_hasher.rb`).
         */
        UnknownError: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "An unknown error occurred.",
                 *           "title": "UnknownError",
                 *           "code": 10001
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
        /**
         * @description Cloud Controller lost its database connection (`CF-ServiceUnavailable`, 10015, raised by
         *     `handle_db_connection_error` in `app/controllers/v3/application_controller.rb`).
         */
        ServiceUnavailable: {
            headers: {
                "X-VCAP-Request-ID": components["headers"]["RequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "detail": "Database connection failure",
                 *           "title": "CF-ServiceUnavailable",
                 *           "code": 10015
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Errors"];
            };
        };
    };
    parameters: {
        /**
         * @description GUID of the app.
         * @example 1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5
         */
        app_guid: string;
        /**
         * @description GUID of the job.
         * @example c33a5caf-77e0-4d6e-b587-5555d339bc9a
         */
        job_guid: string;
        /**
         * @description GUID of the package.
         * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
         */
        package_guid: string;
        /**
         * @description Page to return, from 1. Default 1.
         * @example 1
         */
        page: number;
        /**
         * @description Results per page, 1 to 5000. Default 50. A deployment may also cap `page * per_page`
         *     (`renderer.max_total_results`).
         * @example 50
         */
        per_page: number;
        /**
         * @description Sort field; a leading `-` sorts descending, a leading `+` (or none) ascending. Without
         *     it, packages come in creation order. The seed listed only four values; `+created_at` and
         *     `+updated_at` are accepted too. Remember to URL-encode `+` as `%2B`.
         * @example -created_at
         */
        order_by: components["schemas"]["PackageOrderBy"];
        /**
         * @description Only these packages (comma-separated GUIDs).
         * @example [
         *       "44f7c078-0934-470f-9883-4fcddc5b8f13",
         *       "2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21"
         *     ]
         */
        guids: string[];
        /**
         * @description Only packages in these states (comma-separated). Cloud Controller does not check the
         *     values: an unknown state answers 200 with an empty list.
         * @example [
         *       "READY",
         *       "FAILED"
         *     ]
         */
        states: components["schemas"]["PackageState"][];
        /**
         * @description Only packages of these types (comma-separated). Cloud Controller does not check the
         *     values: an unknown type answers 200 with an empty list.
         * @example [
         *       "bits"
         *     ]
         */
        types: components["schemas"]["PackageType"][];
        /**
         * @description Only packages of these apps (comma-separated GUIDs). Not accepted by `listAppPackages`.
         * @example [
         *       "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
         *     ]
         */
        app_guids: string[];
        /**
         * @description Only packages of apps in these spaces (comma-separated GUIDs). Not accepted by `listAppPackages`.
         * @example [
         *       "5f2a8c3e-9b1d-4e6f-8a7c-0d2e4b6a8c1f"
         *     ]
         */
        space_guids: string[];
        /**
         * @description Only packages of apps in these organizations (comma-separated GUIDs). Not accepted by
         *     `listAppPackages`.
         * @example [
         *       "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"
         *     ]
         */
        organization_guids: string[];
        /**
         * @description Label requirements, comma-separated and ANDed, at most 50: `key`, `!key`, `key=value`,
         *     `key==value`, `key!=value`, `key in (v1,v2)`, `key notin (v1,v2)`. URL-encode it. An
         *     empty value answers 400 `Missing label_selector value`.
         * @example team=payments,!deprecated
         */
        label_selector: string;
        /**
         * @description Only packages created at exactly one of these timestamps (comma-separated). This is an
         *     equality set, not a range (the seed called it a range): use `created_ats[gt]`,
         *     `[gte]`, `[lt]`, `[lte]` for ranges. Timestamps are whole-second UTC
         *     (`YYYY-MM-DDThh:mm:ssZ`).
         * @example [
         *       "2026-08-20T09:12:44Z",
         *       "2026-08-20T10:01:17Z"
         *     ]
         */
        created_ats: components["schemas"]["FilterTimestamp"][];
        /**
         * @description Only packages created before this timestamp (one value, whole-second UTC).
         * @example 2026-09-01T00:00:00Z
         */
        created_ats_lt: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages created at or before this timestamp (one value, whole-second UTC).
         * @example 2026-08-31T23:59:59Z
         */
        created_ats_lte: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages created after this timestamp (one value, whole-second UTC). Combine with
         *     `created_ats[lt]` for a range.
         * @example 2026-08-01T00:00:00Z
         */
        created_ats_gt: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages created at or after this timestamp (one value, whole-second UTC).
         * @example 2026-08-01T00:00:00Z
         */
        created_ats_gte: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages last updated at exactly one of these timestamps (comma-separated). An
         *     equality set, not a range: use `updated_ats[gt]`, `[gte]`, `[lt]`, `[lte]` for ranges.
         * @example [
         *       "2026-08-20T09:13:02Z"
         *     ]
         */
        updated_ats: components["schemas"]["FilterTimestamp"][];
        /**
         * @description Only packages last updated before this timestamp (one value, whole-second UTC).
         * @example 2026-09-01T00:00:00Z
         */
        updated_ats_lt: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages last updated at or before this timestamp (one value, whole-second UTC).
         * @example 2026-08-31T23:59:59Z
         */
        updated_ats_lte: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages last updated after this timestamp (one value, whole-second UTC).
         * @example 2026-08-01T00:00:00Z
         */
        updated_ats_gt: components["schemas"]["FilterTimestamp"];
        /**
         * @description Only packages last updated at or after this timestamp (one value, whole-second UTC).
         * @example 2026-08-01T00:00:00Z
         */
        updated_ats_gte: components["schemas"]["FilterTimestamp"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description Cloud Controller's id for the request; quote it when asking the operator for help.
         * @example 5c7f3e2a-8b1d-4f6e-9a0c-2d4e6f8a0b1c::7a9b1c3d-5e7f-4a2b-8c4d-6e8f0a2b4c6d
         */
        RequestId: string;
        /**
         * @description Seconds to wait before retrying: the time left in the current rate-limit window
         *     (`middleware/base_rate_limiter.rb` writes `expires_in`). Before commit `411ab44c11`
         *     (2023-05, "Refactor rate limiters") Cloud Controller sent the window's reset time in Unix
         *     seconds here instead.
         * @example 1800
         */
        RetryAfter: number;
        /**
         * @description Requests allowed per window across all Cloud Controller instances. Sent, like the other
         *     `X-RateLimit-*` headers, on every answer while the operator has the rate limiter on
         *     (`middleware/base_rate_limiter.rb`).
         * @example 20000
         */
        RateLimitLimit: number;
        /**
         * @description An estimate of the requests left in the current window.
         * @example 19000
         */
        RateLimitRemaining: number;
        /**
         * @description When the current window ends, in Unix seconds.
         * @example 1787218200
         */
        RateLimitReset: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAppPackages: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Default 1.
                 * @example 1
                 */
                page?: components["parameters"]["page"];
                /**
                 * @description Results per page, 1 to 5000. Default 50. A deployment may also cap `page * per_page`
                 *     (`renderer.max_total_results`).
                 * @example 50
                 */
                per_page?: components["parameters"]["per_page"];
                /**
                 * @description Sort field; a leading `-` sorts descending, a leading `+` (or none) ascending. Without
                 *     it, packages come in creation order. The seed listed only four values; `+created_at` and
                 *     `+updated_at` are accepted too. Remember to URL-encode `+` as `%2B`.
                 * @example -created_at
                 */
                order_by?: components["parameters"]["order_by"];
                /**
                 * @description Only these packages (comma-separated GUIDs).
                 * @example [
                 *       "44f7c078-0934-470f-9883-4fcddc5b8f13",
                 *       "2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21"
                 *     ]
                 */
                guids?: components["parameters"]["guids"];
                /**
                 * @description Only packages in these states (comma-separated). Cloud Controller does not check the
                 *     values: an unknown state answers 200 with an empty list.
                 * @example [
                 *       "READY",
                 *       "FAILED"
                 *     ]
                 */
                states?: components["parameters"]["states"];
                /**
                 * @description Only packages of these types (comma-separated). Cloud Controller does not check the
                 *     values: an unknown type answers 200 with an empty list.
                 * @example [
                 *       "bits"
                 *     ]
                 */
                types?: components["parameters"]["types"];
                /**
                 * @description Label requirements, comma-separated and ANDed, at most 50: `key`, `!key`, `key=value`,
                 *     `key==value`, `key!=value`, `key in (v1,v2)`, `key notin (v1,v2)`. URL-encode it. An
                 *     empty value answers 400 `Missing label_selector value`.
                 * @example team=payments,!deprecated
                 */
                label_selector?: components["parameters"]["label_selector"];
                /**
                 * @description Only packages created at exactly one of these timestamps (comma-separated). This is an
                 *     equality set, not a range (the seed called it a range): use `created_ats[gt]`,
                 *     `[gte]`, `[lt]`, `[lte]` for ranges. Timestamps are whole-second UTC
                 *     (`YYYY-MM-DDThh:mm:ssZ`).
                 * @example [
                 *       "2026-08-20T09:12:44Z",
                 *       "2026-08-20T10:01:17Z"
                 *     ]
                 */
                created_ats?: components["parameters"]["created_ats"];
                /**
                 * @description Only packages created before this timestamp (one value, whole-second UTC).
                 * @example 2026-09-01T00:00:00Z
                 */
                "created_ats[lt]"?: components["parameters"]["created_ats_lt"];
                /**
                 * @description Only packages created at or before this timestamp (one value, whole-second UTC).
                 * @example 2026-08-31T23:59:59Z
                 */
                "created_ats[lte]"?: components["parameters"]["created_ats_lte"];
                /**
                 * @description Only packages created after this timestamp (one value, whole-second UTC). Combine with
                 *     `created_ats[lt]` for a range.
                 * @example 2026-08-01T00:00:00Z
                 */
                "created_ats[gt]"?: components["parameters"]["created_ats_gt"];
                /**
                 * @description Only packages created at or after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "created_ats[gte]"?: components["parameters"]["created_ats_gte"];
                /**
                 * @description Only packages last updated at exactly one of these timestamps (comma-separated). An
                 *     equality set, not a range: use `updated_ats[gt]`, `[gte]`, `[lt]`, `[lte]` for ranges.
                 * @example [
                 *       "2026-08-20T09:13:02Z"
                 *     ]
                 */
                updated_ats?: components["parameters"]["updated_ats"];
                /**
                 * @description Only packages last updated before this timestamp (one value, whole-second UTC).
                 * @example 2026-09-01T00:00:00Z
                 */
                "updated_ats[lt]"?: components["parameters"]["updated_ats_lt"];
                /**
                 * @description Only packages last updated at or before this timestamp (one value, whole-second UTC).
                 * @example 2026-08-31T23:59:59Z
                 */
                "updated_ats[lte]"?: components["parameters"]["updated_ats_lte"];
                /**
                 * @description Only packages last updated after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "updated_ats[gt]"?: components["parameters"]["updated_ats_gt"];
                /**
                 * @description Only packages last updated at or after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "updated_ats[gte]"?: components["parameters"]["updated_ats_gte"];
            };
            header?: never;
            path: {
                /**
                 * @description GUID of the app.
                 * @example 1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5
                 */
                guid: components["parameters"]["app_guid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the app's packages. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "pagination": {
                     *         "total_results": 1,
                     *         "total_pages": 1,
                     *         "first": {
                     *           "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5/packages?page=1&per_page=50&states=READY"
                     *         },
                     *         "last": {
                     *           "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5/packages?page=1&per_page=50&states=READY"
                     *         },
                     *         "next": null,
                     *         "previous": null
                     *       },
                     *       "resources": [
                     *         {
                     *           "guid": "44f7c078-0934-470f-9883-4fcddc5b8f13",
                     *           "created_at": "2026-08-20T09:12:44Z",
                     *           "updated_at": "2026-08-20T09:13:02Z",
                     *           "type": "bits",
                     *           "data": {
                     *             "error": null,
                     *             "checksum": {
                     *               "type": "sha256",
                     *               "value": "3b8a32b4a2bd0c1f1b5f3e4c5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c"
                     *             }
                     *           },
                     *           "state": "READY",
                     *           "relationships": {
                     *             "app": {
                     *               "data": {
                     *                 "guid": "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *               }
                     *             }
                     *           },
                     *           "metadata": {
                     *             "labels": {},
                     *             "annotations": {}
                     *           },
                     *           "links": {
                     *             "self": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13"
                     *             },
                     *             "upload": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload",
                     *               "method": "POST"
                     *             },
                     *             "download": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/download"
                     *             },
                     *             "app": {
                     *               "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PackageList"];
                };
            };
            /**
             * @description A query parameter is invalid, unknown, or one of the three guid filters this list does
             *     not take (`app_guids`, `space_guids`, `organization_guids`). For those three the message
             *     names the parameters without the `Valid parameters are` list that other unknown
             *     parameters get (`app/messages/packages_list_message.rb`).
             */
            400: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "The query parameter is invalid: Unknown query parameter(s): 'space_guids'",
                     *           "title": "CF-BadQueryParameter",
                     *           "code": 10005
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRead"];
            /**
             * @description No such app, or the user cannot see it (org auditors, org billing managers and users
             *     without a role get 404 rather than 403).
             */
            404: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "App not found",
                     *           "title": "CF-ResourceNotFound",
                     *           "code": 10010
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPackages: {
        parameters: {
            query?: {
                /**
                 * @description Page to return, from 1. Default 1.
                 * @example 1
                 */
                page?: components["parameters"]["page"];
                /**
                 * @description Results per page, 1 to 5000. Default 50. A deployment may also cap `page * per_page`
                 *     (`renderer.max_total_results`).
                 * @example 50
                 */
                per_page?: components["parameters"]["per_page"];
                /**
                 * @description Sort field; a leading `-` sorts descending, a leading `+` (or none) ascending. Without
                 *     it, packages come in creation order. The seed listed only four values; `+created_at` and
                 *     `+updated_at` are accepted too. Remember to URL-encode `+` as `%2B`.
                 * @example -created_at
                 */
                order_by?: components["parameters"]["order_by"];
                /**
                 * @description Only these packages (comma-separated GUIDs).
                 * @example [
                 *       "44f7c078-0934-470f-9883-4fcddc5b8f13",
                 *       "2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21"
                 *     ]
                 */
                guids?: components["parameters"]["guids"];
                /**
                 * @description Only packages in these states (comma-separated). Cloud Controller does not check the
                 *     values: an unknown state answers 200 with an empty list.
                 * @example [
                 *       "READY",
                 *       "FAILED"
                 *     ]
                 */
                states?: components["parameters"]["states"];
                /**
                 * @description Only packages of these types (comma-separated). Cloud Controller does not check the
                 *     values: an unknown type answers 200 with an empty list.
                 * @example [
                 *       "bits"
                 *     ]
                 */
                types?: components["parameters"]["types"];
                /**
                 * @description Only packages of these apps (comma-separated GUIDs). Not accepted by `listAppPackages`.
                 * @example [
                 *       "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                 *     ]
                 */
                app_guids?: components["parameters"]["app_guids"];
                /**
                 * @description Only packages of apps in these spaces (comma-separated GUIDs). Not accepted by `listAppPackages`.
                 * @example [
                 *       "5f2a8c3e-9b1d-4e6f-8a7c-0d2e4b6a8c1f"
                 *     ]
                 */
                space_guids?: components["parameters"]["space_guids"];
                /**
                 * @description Only packages of apps in these organizations (comma-separated GUIDs). Not accepted by
                 *     `listAppPackages`.
                 * @example [
                 *       "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"
                 *     ]
                 */
                organization_guids?: components["parameters"]["organization_guids"];
                /**
                 * @description Label requirements, comma-separated and ANDed, at most 50: `key`, `!key`, `key=value`,
                 *     `key==value`, `key!=value`, `key in (v1,v2)`, `key notin (v1,v2)`. URL-encode it. An
                 *     empty value answers 400 `Missing label_selector value`.
                 * @example team=payments,!deprecated
                 */
                label_selector?: components["parameters"]["label_selector"];
                /**
                 * @description Only packages created at exactly one of these timestamps (comma-separated). This is an
                 *     equality set, not a range (the seed called it a range): use `created_ats[gt]`,
                 *     `[gte]`, `[lt]`, `[lte]` for ranges. Timestamps are whole-second UTC
                 *     (`YYYY-MM-DDThh:mm:ssZ`).
                 * @example [
                 *       "2026-08-20T09:12:44Z",
                 *       "2026-08-20T10:01:17Z"
                 *     ]
                 */
                created_ats?: components["parameters"]["created_ats"];
                /**
                 * @description Only packages created before this timestamp (one value, whole-second UTC).
                 * @example 2026-09-01T00:00:00Z
                 */
                "created_ats[lt]"?: components["parameters"]["created_ats_lt"];
                /**
                 * @description Only packages created at or before this timestamp (one value, whole-second UTC).
                 * @example 2026-08-31T23:59:59Z
                 */
                "created_ats[lte]"?: components["parameters"]["created_ats_lte"];
                /**
                 * @description Only packages created after this timestamp (one value, whole-second UTC). Combine with
                 *     `created_ats[lt]` for a range.
                 * @example 2026-08-01T00:00:00Z
                 */
                "created_ats[gt]"?: components["parameters"]["created_ats_gt"];
                /**
                 * @description Only packages created at or after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "created_ats[gte]"?: components["parameters"]["created_ats_gte"];
                /**
                 * @description Only packages last updated at exactly one of these timestamps (comma-separated). An
                 *     equality set, not a range: use `updated_ats[gt]`, `[gte]`, `[lt]`, `[lte]` for ranges.
                 * @example [
                 *       "2026-08-20T09:13:02Z"
                 *     ]
                 */
                updated_ats?: components["parameters"]["updated_ats"];
                /**
                 * @description Only packages last updated before this timestamp (one value, whole-second UTC).
                 * @example 2026-09-01T00:00:00Z
                 */
                "updated_ats[lt]"?: components["parameters"]["updated_ats_lt"];
                /**
                 * @description Only packages last updated at or before this timestamp (one value, whole-second UTC).
                 * @example 2026-08-31T23:59:59Z
                 */
                "updated_ats[lte]"?: components["parameters"]["updated_ats_lte"];
                /**
                 * @description Only packages last updated after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "updated_ats[gt]"?: components["parameters"]["updated_ats_gt"];
                /**
                 * @description Only packages last updated at or after this timestamp (one value, whole-second UTC).
                 * @example 2026-08-01T00:00:00Z
                 */
                "updated_ats[gte]"?: components["parameters"]["updated_ats_gte"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of packages. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "pagination": {
                     *         "total_results": 3,
                     *         "total_pages": 2,
                     *         "first": {
                     *           "href": "https://api.cf.example/v3/packages?page=1&per_page=2&states=READY%2CFAILED"
                     *         },
                     *         "last": {
                     *           "href": "https://api.cf.example/v3/packages?page=2&per_page=2&states=READY%2CFAILED"
                     *         },
                     *         "next": {
                     *           "href": "https://api.cf.example/v3/packages?page=2&per_page=2&states=READY%2CFAILED"
                     *         },
                     *         "previous": null
                     *       },
                     *       "resources": [
                     *         {
                     *           "guid": "44f7c078-0934-470f-9883-4fcddc5b8f13",
                     *           "created_at": "2026-08-20T09:12:44Z",
                     *           "updated_at": "2026-08-20T09:13:02Z",
                     *           "type": "bits",
                     *           "data": {
                     *             "error": null,
                     *             "checksum": {
                     *               "type": "sha256",
                     *               "value": "3b8a32b4a2bd0c1f1b5f3e4c5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c"
                     *             }
                     *           },
                     *           "state": "READY",
                     *           "relationships": {
                     *             "app": {
                     *               "data": {
                     *                 "guid": "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *               }
                     *             }
                     *           },
                     *           "metadata": {
                     *             "labels": {
                     *               "team": "payments"
                     *             },
                     *             "annotations": {}
                     *           },
                     *           "links": {
                     *             "self": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13"
                     *             },
                     *             "upload": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload",
                     *               "method": "POST"
                     *             },
                     *             "download": {
                     *               "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/download"
                     *             },
                     *             "app": {
                     *               "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "guid": "2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21",
                     *           "created_at": "2026-08-20T10:01:17Z",
                     *           "updated_at": "2026-08-20T10:01:17Z",
                     *           "type": "docker",
                     *           "data": {
                     *             "image": "registry.example.org/payments/api:1.4.2",
                     *             "username": "robot-deployer",
                     *             "password": "***"
                     *           },
                     *           "state": "READY",
                     *           "relationships": {
                     *             "app": {
                     *               "data": {
                     *                 "guid": "7d0c2a91-5e5b-4a49-8d0e-2f2b6a8c3e11"
                     *               }
                     *             }
                     *           },
                     *           "metadata": {
                     *             "labels": {},
                     *             "annotations": {
                     *               "contact": "payments-team@corp.example"
                     *             }
                     *           },
                     *           "links": {
                     *             "self": {
                     *               "href": "https://api.cf.example/v3/packages/2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21"
                     *             },
                     *             "app": {
                     *               "href": "https://api.cf.example/v3/apps/7d0c2a91-5e5b-4a49-8d0e-2f2b6a8c3e11"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PackageList"];
                };
            };
            400: components["responses"]["BadQueryParameter"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRead"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPackage: {
        parameters: {
            query?: {
                /**
                 * @description GUID of the package to copy. When present the request is a copy and the body is a
                 *     `PackageCopy`; when absent it is a create and the body is a
                 *     `PackageCreate`.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                source_guid?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description A `PackageNew` (create, without `source_guid`) or a `PackageCopy` (copy,
         *     with it); see `PackageCreate`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PackageCreate"];
            };
        };
        responses: {
            /**
             * @description The new package: a created bits package in `AWAITING_UPLOAD`, a created or copied
             *     docker package in `READY`, a copied bits package in `COPYING`.
             */
            201: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guid": "44f7c078-0934-470f-9883-4fcddc5b8f13",
                     *       "created_at": "2026-08-20T09:12:44Z",
                     *       "updated_at": "2026-08-20T09:12:44Z",
                     *       "type": "bits",
                     *       "data": {
                     *         "error": null,
                     *         "checksum": {
                     *           "type": "sha256",
                     *           "value": null
                     *         }
                     *       },
                     *       "state": "AWAITING_UPLOAD",
                     *       "relationships": {
                     *         "app": {
                     *           "data": {
                     *             "guid": "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "labels": {},
                     *         "annotations": {}
                     *       },
                     *       "links": {
                     *         "self": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13"
                     *         },
                     *         "upload": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload",
                     *           "method": "POST"
                     *         },
                     *         "download": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/download"
                     *         },
                     *         "app": {
                     *           "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Package"];
                };
            };
            400: components["responses"]["MessageParseError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenWrite"];
            /**
             * @description The body is invalid (`CF-UnprocessableEntity`), for example:
             *     `Type must be one of 'bits, docker'`, `Unknown field(s): '<key>'`,
             *     `Data Image required`, a non-empty `data` for a bits package (`... must be empty if
             *     provided for bits packages`), a label or annotation error;
             *     `App is invalid. Ensure it exists and you have access to it.` (also for an app the
             *     user cannot see); `Cannot create bits package for a Docker app.` /
             *     `Cannot create Docker package for a buildpack app.`; for a copy
             *     `Source package is invalid. Ensure it exists and you have access to it.` or
             *     `Source and destination app cannot be the same`. Several messages are joined with
             *     ", " into one error. `CF-ResourceBeingDeleted` (10020) when the space or organization
             *     is being deleted.
             */
            422: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "App is invalid. Ensure it exists and you have access to it.",
                     *           "title": "CF-UnprocessableEntity",
                     *           "code": 10008
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guid": "44f7c078-0934-470f-9883-4fcddc5b8f13",
                     *       "created_at": "2026-08-20T09:12:44Z",
                     *       "updated_at": "2026-08-20T09:13:02Z",
                     *       "type": "bits",
                     *       "data": {
                     *         "error": null,
                     *         "checksum": {
                     *           "type": "sha256",
                     *           "value": "3b8a32b4a2bd0c1f1b5f3e4c5b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c"
                     *         }
                     *       },
                     *       "state": "READY",
                     *       "relationships": {
                     *         "app": {
                     *           "data": {
                     *             "guid": "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "labels": {
                     *           "team": "payments"
                     *         },
                     *         "annotations": {
                     *           "commit": "9f2c1e0"
                     *         }
                     *       },
                     *       "links": {
                     *         "self": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13"
                     *         },
                     *         "upload": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload",
                     *           "method": "POST"
                     *         },
                     *         "download": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/download"
                     *         },
                     *         "app": {
                     *           "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Package"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRead"];
            404: components["responses"]["PackageNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deletion was accepted; follow the job in `Location`. No body. */
            202: {
                headers: {
                    /**
                     * @description Absolute URL of the deletion job (`/v3/jobs/{job_guid}`).
                     * @example https://api.cf.example/v3/jobs/c33a5caf-77e0-4d6e-b587-5555d339bc9a
                     */
                    Location: string;
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["PackageNotFound"];
            /**
             * @description The package's space or organization is being deleted (`CF-ResourceBeingDeleted`,
             *     10020, from `require_writable_space!` in `app/controllers/v3/application_controller.rb`).
             */
            422: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "The space is being deleted",
                     *           "title": "CF-ResourceBeingDeleted",
                     *           "code": 10020
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "metadata": {
                 *         "labels": {
                 *           "team": "payments",
                 *           "stale": null
                 *         },
                 *         "annotations": {
                 *           "commit": "9f2c1e0"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PackageUpdate"];
            };
        };
        responses: {
            /** @description The updated package. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guid": "2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21",
                     *       "created_at": "2026-08-20T10:01:17Z",
                     *       "updated_at": "2026-08-21T08:30:05Z",
                     *       "type": "docker",
                     *       "data": {
                     *         "image": "registry.example.org/payments/api:1.4.2",
                     *         "username": "robot-deployer",
                     *         "password": "***"
                     *       },
                     *       "state": "READY",
                     *       "relationships": {
                     *         "app": {
                     *           "data": {
                     *             "guid": "7d0c2a91-5e5b-4a49-8d0e-2f2b6a8c3e11"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "labels": {
                     *           "team": "payments"
                     *         },
                     *         "annotations": {
                     *           "commit": "9f2c1e0"
                     *         }
                     *       },
                     *       "links": {
                     *         "self": {
                     *           "href": "https://api.cf.example/v3/packages/2b8b0f8e-3f3a-4a34-9e3c-6a2a0c0b5d21"
                     *         },
                     *         "app": {
                     *           "href": "https://api.cf.example/v3/apps/7d0c2a91-5e5b-4a49-8d0e-2f2b6a8c3e11"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Package"];
                };
            };
            400: components["responses"]["MessageParseError"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["PackageNotFound"];
            /**
             * @description The body is invalid (`Unknown field(s): ...`, a label or annotation error),
             *     credentials were sent for a bits package (`Cannot update Docker credentials for a
             *     buildpack app.`), or the space or organization is being deleted
             *     (`CF-ResourceBeingDeleted`, 10020). A password longer than 5000 characters is not
             *     among them: `PackageUpdateMessage` does not check its length, and the model's
             *     validation error is not rescued by `PackagesController#update`, so Cloud Controller
             *     answers 500 `UnknownError` (`password`'s `maxLength` keeps such a body from being sent).
             */
            422: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Unknown field(s): 'state'",
                     *           "title": "CF-UnprocessableEntity",
                     *           "code": 10008
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the job.
                 * @example c33a5caf-77e0-4d6e-b587-5555d339bc9a
                 */
                guid: components["parameters"]["job_guid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRead"];
            /** @description No such job (`resource_not_found!(:job)`). */
            404: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Job not found",
                     *           "title": "CF-ResourceNotFound",
                     *           "code": 10010
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    uploadPackageBits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PackageUpload"];
            };
        };
        responses: {
            /** @description The upload was accepted and is being processed (`PROCESSING_UPLOAD`). */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guid": "44f7c078-0934-470f-9883-4fcddc5b8f13",
                     *       "created_at": "2026-08-20T09:12:44Z",
                     *       "updated_at": "2026-08-20T09:12:51Z",
                     *       "type": "bits",
                     *       "data": {
                     *         "error": null,
                     *         "checksum": {
                     *           "type": "sha256",
                     *           "value": null
                     *         }
                     *       },
                     *       "state": "PROCESSING_UPLOAD",
                     *       "relationships": {
                     *         "app": {
                     *           "data": {
                     *             "guid": "1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *           }
                     *         }
                     *       },
                     *       "metadata": {
                     *         "labels": {},
                     *         "annotations": {}
                     *       },
                     *       "links": {
                     *         "self": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13"
                     *         },
                     *         "upload": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/upload",
                     *           "method": "POST"
                     *         },
                     *         "download": {
                     *           "href": "https://api.cf.example/v3/packages/44f7c078-0934-470f-9883-4fcddc5b8f13/download"
                     *         },
                     *         "app": {
                     *           "href": "https://api.cf.example/v3/apps/1e4e7e10-0c6a-4d3a-9d1d-8fa2a9d2b6f5"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Package"];
                };
            };
            /**
             * @description The package is not in `AWAITING_UPLOAD`: its bits were already uploaded (or it is a
             *     copy). Create a new package to upload different bits.
             */
            400: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Bits may be uploaded only once. Create a new package to upload different bits.",
                     *           "title": "CF-PackageBitsAlreadyUploaded",
                     *           "code": 150004
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description The `app_bits_upload` feature flag is off (`CF-FeatureDisabled`, 330002; checked
             *     first), the user may not write to the space (`CF-NotAuthorized`, 10003), or the
             *     organization or space is suspended (`CF-OrgSuspended` 10017, `CF-SpaceSuspended`
             *     10019).
             */
            403: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Feature Disabled: app_bits_upload",
                     *           "title": "CF-FeatureDisabled",
                     *           "code": 330002
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            404: components["responses"]["PackageNotFound"];
            /**
             * @description The request body is larger than `cc.app_bits_max_body_size` (default 1536 MB). nginx
             *     answers this itself with an HTML page, not a Cloud Controller error.
             */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example <html>
                     *     <head><title>413 Request Entity Too Large</title></head>
                     *     <body>
                     *     <center><h1>413 Request Entity Too Large</h1></center>
                     *     <hr><center>nginx</center>
                     *     </body>
                     *     </html>
                     */
                    "text/html": string;
                };
            };
            /**
             * @description `Resources must be valid JSON.`, `Upload must include either resources or bits`,
             *     `Unknown field(s): ...`, `Package type must be bits.` (a docker package), or
             *     `CF-ResourceBeingDeleted` (10020) when the space or organization is being deleted.
             */
            422: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Upload must include either resources or bits",
                     *           "title": "CF-UnprocessableEntity",
                     *           "code": 10008
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["UnknownError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    downloadPackageBits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description GUID of the package.
                 * @example 44f7c078-0934-470f-9883-4fcddc5b8f13
                 */
                guid: components["parameters"]["package_guid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The zip, sent by Cloud Controller itself from a `local` blobstore. */
            200: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example PK */
                    "application/octet-stream": Blob;
                };
            };
            /** @description The zip is at the signed blobstore URL in `Location`. */
            302: {
                headers: {
                    /**
                     * @description Signed, short-lived blobstore URL of the zip.
                     * @example https://cc-packages.s3.eu-central-1.amazonaws.com/44/f7/44f7c078-0934-470f-9883-4fcddc5b8f13?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
                     */
                    Location: string;
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description The user may see the package but not read secrets in its space (global auditor, org
             *     manager, space manager, space auditor, space supporter), or the token lacks the
             *     `cloud_controller.read` scope.
             */
            403: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "You are not authorized to perform the requested action",
                     *           "title": "CF-NotAuthorized",
                     *           "code": 10003
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            404: components["responses"]["PackageNotFound"];
            /**
             * @description `Package type must be bits.` (a docker package) or `Package has no bits to download.`
             *     (any state other than `READY`, including `EXPIRED`).
             */
            422: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Package has no bits to download.",
                     *           "title": "CF-UnprocessableEntity",
                     *           "code": 10008
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /**
             * @description The blobstore failed (`CF-BlobstoreError`, 150007) or another unexpected error
             *     occurred (`UnknownError`, 10001).
             */
            500: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Failed to perform blobstore operation after three retries.",
                     *           "title": "CF-BlobstoreError",
                     *           "code": 150007
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            /** @description The blobstore is unavailable, e.g. signing the download URL failed. */
            502: {
                headers: {
                    "X-VCAP-Request-ID": components["headers"]["RequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "detail": "Failed to perform operation due to blobstore unavailability.",
                     *           "title": "CF-BlobstoreUnavailable",
                     *           "code": 150006
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Errors"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
