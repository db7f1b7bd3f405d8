// The contract-test table every provider's tests/contract.test.ts uses: each operation of the
// spec × each status it declares (× each named example of it), through the three clients
// (facade, openapi-fetch, generated SDK), against Prism (`Prefer: code=<status>, example=<name>`).
// The recorder logs which client asked for what, and `npm run coverage:contract` counts the pairs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { operationsOf, resolver } from "./spec.mjs";

/**
 * @typedef {object} ContractOperation
 * @property {(headers: Record<string, string>) => PromiseLike<unknown>} facade the facade call, with `{ headers }` as
 *   its options; it resolves to what the wire carried (a row maps a `Page` or an upload result back to it)
 * @property {(headers: Record<string, string>) => Promise<{ data?: unknown, error?: unknown, response: Response }>} fetch
 * @property {(headers: Record<string, string>) => Promise<unknown>} sdk the generated SDK call, headers added by a middleware
 * @property {Record<string, (headers: Record<string, string>) => Promise<void>>} [statuses] a status checked its own way
 *   (a redirect, a binary body), through every client, instead of the table's comparison
 */

/**
 * @typedef {object} ContractCase one row of the table: an operation, a status, one of its examples
 * @property {string} operationId
 * @property {string} method the operation's HTTP method, upper case
 * @property {string} status the declared status (`default` too)
 * @property {number} code the status Prism is asked for (500 for `default`)
 * @property {string} [example] the example's name, when the spec names them
 * @property {unknown} value the example (JSON text parsed), undefined when the response has no body
 * @property {string} [media] the response's media type, undefined when it has no body
 * @property {Record<string, string>} headers what the request sends: `Prefer`, and an `Accept` that admits a non-JSON answer
 */

/** Text that is JSON (Cloud Controller's rate limiter sends its envelope as text/plain) compares as JSON. */
const parsed = (value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/**
 * The operations of a spec: operationId → its cases, one per declared status and named example.
 * @param {object} spec
 * @returns {Record<string, ContractCase[]>}
 */
export function specOperations(spec) {
  const ref = resolver(spec);
  /** @type {Record<string, ContractCase[]>} */
  const operations = {};
  for (const { method, operation } of operationsOf(spec)) {
    const declared = Object.keys(operation.responses ?? {});
    operations[operation.operationId] = Object.entries(operation.responses ?? {}).flatMap(([status, response]) => {
      const content = ref(response).content ?? {};
      const media = content["application/json"] ? "application/json" : Object.keys(content)[0];
      const { example, examples } = content[media ?? ""] ?? {};
      // `default` stands for any status not declared: 500 where that is free.
      const code = status === "default" ? (declared.includes("500") ? 599 : 500) : Number(status);
      const prefer = `code=${code}`;
      // Prism only mocks a status whose media type the request accepts.
      const accept = media && media !== "application/json" ? { accept: `application/json, ${media}` } : {};
      const base = { operationId: operation.operationId, method: method.toUpperCase(), status, code, media };
      if (!examples) return [{ ...base, value: parsed(example), headers: { prefer, ...accept } }];
      return Object.entries(examples).map(([name, named]) => ({
        ...base,
        example: name,
        value: parsed(ref(named).value),
        headers: { prefer: `${prefer}, example=${name}`, ...accept },
      }));
    });
  }
  return operations;
}

/**
 * Declares the table's tests: every operation of the spec has a row, and each declared status
 * (each of its named examples) answers as the spec says through every client: the example as
 * data, or the typed error with the example as its body. The error class a status must give is
 * the one `APIError.for` picks (404 NotFoundError, 5xx InternalServerError, …), with `APIError`
 * as the provider package exports it. `expectData` and `expectError` add a provider's own checks
 * to every success (the facade's data) and every failure (the facade's error).
 * @param {{ spec: URL | string, operations: Record<string, ContractOperation>, APIError: any,
 *   expectData?: (data: any, c: ContractCase) => void, expectError?: (failure: any, c: ContractCase) => void }} table
 */
export function contractTable({ spec, operations, APIError, expectData, expectError }) {
  const classFor = (status) =>
    APIError.for({ status, headers: new Headers(), body: null, message: "", request: { method: "GET", url: "/" } })
      .constructor;
  const declared = specOperations(parse(readFileSync(spec, "utf8")));

  it("has a row for every operation of the spec", () => {
    expect(Object.keys(operations).sort()).toEqual(Object.keys(declared).sort());
  });

  for (const [operationId, cases] of Object.entries(declared)) {
    describe(operationId, () => {
      for (const c of cases) {
        const label = `${c.status}${c.example ? ` (${c.example})` : ""} through the facade, openapi-fetch and the SDK`;
        it(label, async () => {
          const operation = operations[operationId];
          const own = operation.statuses?.[c.status];
          if (own) return own(c.headers);
          if (c.code < 300) return expectSuccess(operation, c, expectData);
          return expectFailure(operation, c, classFor(c.code), expectError);
        });
      }
    });
  }
}

/** @param {ContractOperation} operation @param {ContractCase} c @param {((data: any, c: ContractCase) => void) | undefined} more */
async function expectSuccess(operation, c, more) {
  const data = await operation.facade(c.headers);
  const { data: fetched, error, response } = await operation.fetch(c.headers);
  expect(response.status).toBe(c.code);
  expect(error).toBeUndefined();
  const viaSdk = await operation.sdk(c.headers);
  if (c.media) {
    if (c.value !== undefined) expect(data).toEqual(c.value);
    expect(fetched).toEqual(data);
    expect(viaSdk).toEqual(data);
  } else {
    expect(fetched).toBeUndefined();
  }
  more?.(data, c);
}

/** @param {ContractOperation} operation @param {ContractCase} c @param {any} ErrorClass @param {((failure: any, c: ContractCase) => void) | undefined} more */
async function expectFailure(operation, c, ErrorClass, more) {
  const failure = await operation.facade(c.headers).then(
    () => expect.fail("the facade resolved"),
    (error) => error,
  );
  expect(failure).toBeInstanceOf(ErrorClass);
  expect(failure.status).toBe(c.code);
  if (c.media) {
    if (c.value !== undefined) expect(failure.body).toEqual(c.value);
  } else {
    // An empty body (Fastly's 503): nothing to parse, still the typed error.
    expect(failure.body).toBeUndefined();
  }
  more?.(failure, c);

  const { data, error, response } = await operation.fetch(c.headers);
  expect(response.status).toBe(c.code);
  expect(data).toBeUndefined();
  if (c.media) expect(error).toEqual(failure.body);
  else expect(error ?? "").toBe("");

  const sdkFailure = await operation.sdk(c.headers).then(
    () => expect.fail("the SDK resolved"),
    (e) => e,
  );
  expect(sdkFailure).toBeInstanceOf(ErrorClass);
  expect(sdkFailure.status).toBe(c.code);
  expect(sdkFailure.body).toEqual(failure.body);
}
