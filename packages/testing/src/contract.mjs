// The contract-test table every provider's tests/contract.test.ts can use: each operation of the
// spec × each status it declares, through the three clients (facade, openapi-fetch, generated SDK),
// against Prism (`Prefer: code=<status>`). The recorder logs which client asked for what, and
// `npm run coverage:contract` counts the pairs covered.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { operationsOf, resolver } from "./spec.mjs";

/**
 * @typedef {object} ContractOperation
 * @property {(headers: Record<string, string>) => PromiseLike<unknown>} facade the facade call, with `{ headers }` as its options
 * @property {(headers: Record<string, string>) => Promise<{ data?: unknown, error?: unknown, response: Response }>} fetch
 * @property {(headers: Record<string, string>) => Promise<unknown>} sdk the generated SDK call, headers added by a middleware
 */

/**
 * The operations of a spec: operationId → the statuses it declares and each one's JSON example.
 * @param {object} spec
 */
export function specOperations(spec) {
  const ref = resolver(spec);
  /** @type {Record<string, Record<string, unknown>>} */
  const operations = {};
  for (const { operation } of operationsOf(spec)) {
    operations[operation.operationId] = Object.fromEntries(
      Object.entries(operation.responses ?? {}).map(([status, response]) => {
        const media = ref(response).content?.["application/json"];
        return [status, media?.example ?? Object.values(media?.examples ?? {}).map((e) => ref(e).value)[0]];
      }),
    );
  }
  return operations;
}

/**
 * Declares the table's tests: every operation of the spec has a row, and each declared status
 * answers as the spec says through every client (the example as data, or the typed error).
 * The error class a status must give is the one `APIError.for` picks (404 NotFoundError, 5xx
 * InternalServerError, …), with `APIError` as the provider package exports it.
 * @param {{ spec: URL | string, operations: Record<string, ContractOperation>, APIError: any }} table
 */
export function contractTable({ spec, operations, APIError }) {
  const classFor = (status) =>
    APIError.for({ status, headers: new Headers(), body: null, message: "", request: { method: "GET", url: "/" } })
      .constructor;
  const declared = specOperations(parse(readFileSync(spec, "utf8")));

  it("has a row for every operation of the spec", () => {
    expect(Object.keys(operations).sort()).toEqual(Object.keys(declared).sort());
  });

  for (const [operationId, statuses] of Object.entries(declared)) {
    describe(operationId, () => {
      for (const [status, example] of Object.entries(statuses)) {
        const code = Number(status);
        const headers = { prefer: `code=${status}` };
        it(`${status} through the facade, openapi-fetch and the SDK`, async () => {
          const operation = operations[operationId];
          if (code < 300) {
            const data = await operation.facade(headers);
            const { data: fetched, response } = await operation.fetch(headers);
            expect(response.status).toBe(code);
            const viaSdk = await operation.sdk(headers);
            if (example !== undefined) expect(data).toEqual(example);
            expect(fetched).toEqual(data);
            expect(viaSdk).toEqual(data);
            return;
          }
          const ErrorClass = classFor(code);
          const failure = await operation.facade(headers).then(
            () => expect.fail("the facade resolved"),
            (error) => error,
          );
          expect(failure).toBeInstanceOf(ErrorClass);
          expect(failure.status).toBe(code);
          if (example !== undefined) expect(failure.body).toEqual(example);
          const { error, response } = await operation.fetch(headers);
          expect(response.status).toBe(code);
          expect(error).toEqual(failure.body);
          const sdkFailure = await operation.sdk(headers).then(
            () => expect.fail("the SDK resolved"),
            (e) => e,
          );
          expect(sdkFailure).toBeInstanceOf(ErrorClass);
          expect(sdkFailure.body).toEqual(failure.body);
        });
      }
    });
  }
}
