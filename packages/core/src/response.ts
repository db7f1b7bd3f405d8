/** The raw HTTP answer with the data of any facade call. */
import type { RequestOptions, ResponseInfo } from "./options.js";

/**
 * Runs a call with request options that capture its HTTP answer, and gives both:
 * `const { data, response } = await withResponse((o) => client.packages.get(id, o))`, then read
 * `response.headers.get("x-vcap-request-id")`. For calls that send several requests (a skipped
 * upload's lookup, a next page) it is the last successful one.
 */
export async function withResponse<T>(
  call: (options: RequestOptions) => Promise<T> | PromiseLike<T>,
  options: RequestOptions = {},
): Promise<{ data: T; response: ResponseInfo }> {
  let response: ResponseInfo | undefined;
  const data = await call({
    ...options,
    onResponse: (info) => {
      response = info;
      options.onResponse?.(info);
    },
  });
  if (!response) throw new TypeError("withResponse: the call did not pass its options on to a request");
  return { data, response };
}
