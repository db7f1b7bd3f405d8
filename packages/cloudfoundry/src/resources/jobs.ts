import type { RequestOptions } from "@pkgapi/core";
import { APIResource, type PollOptions, pollUntil } from "@pkgapi/core/internal";
import { JobFailedError } from "../errors.js";
import type { components, paths } from "../generated/schema.js";
import { guidParam } from "../params.js";

export type Job = components["schemas"]["Job"];
export type JobState = components["schemas"]["JobState"];
export type ErrorItem = components["schemas"]["ErrorItem"];

const JOB = "/v3/jobs/{guid}" satisfies keyof paths;

/** Cloud Controller's asynchronous jobs (`GET /v3/jobs/{guid}`). */
export class Jobs extends APIResource<paths> {
  async get(guid: string, options?: RequestOptions): Promise<Job> {
    return this.data(this.api.GET(JOB, { params: { path: { guid: guidParam("guid", guid) } }, ...this.call(options) }));
  }

  /**
   * Polls the job until it is `COMPLETE` and returns it. Throws `JobFailedError` when it ends
   * `FAILED`, `WaitTimeoutError` at the deadline (default 5 minutes).
   */
  async wait(guid: string, options: PollOptions = {}): Promise<Job> {
    const id = guidParam("guid", guid);
    return pollUntil(
      `Job ${id}`,
      (msLeft, signal) => this.get(id, { signal, timeout: msLeft }),
      (job) => {
        if (job.state === "FAILED") throw new JobFailedError({ job });
        return job.state === "COMPLETE";
      },
      options,
    );
  }
}

/** A job Cloud Controller started, e.g. by `packages.delete()`: `wait()` resolves when it is done. */
export class PendingJob {
  readonly #jobs: Jobs;

  constructor(
    readonly guid: string,
    /** Absolute URL of the job, as Cloud Controller named it in `Location`. */
    readonly url: string,
    jobs: Jobs,
  ) {
    this.#jobs = jobs;
  }

  /** The job's current state. */
  get(options?: RequestOptions): Promise<Job> {
    return this.#jobs.get(this.guid, options);
  }

  /** Polls until the job is `COMPLETE`; throws `JobFailedError` when it fails. */
  wait(options?: PollOptions): Promise<Job> {
    return this.#jobs.wait(this.guid, options);
  }
}
