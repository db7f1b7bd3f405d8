// Reading an OpenAPI spec: its operations, and the local `$ref`s between its parts. Shared by
// the contract table, contract coverage, `npm run new-provider` and the tests' fixtures.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

/**
 * A function that follows a local `$ref` (`#/components/responses/Unauthorized`) of `spec`;
 * a node without one comes back as it is.
 * @param {any} spec
 */
export function resolver(spec) {
  return (node) =>
    node?.$ref
      ? node.$ref
          .split("/")
          .slice(1)
          .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
          .reduce((at, key) => at?.[key], spec)
      : node;
}

/**
 * Every operation of the spec, in spec order.
 * @param {any} spec
 * @returns {Generator<{ template: string, method: string, item: any, operation: any }>}
 */
export function* operationsOf(spec) {
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) if (item[method]) yield { template, method, item, operation: item[method] };
  }
}

const specs = new Map();

/**
 * A provider's spec (specs/<name>.yaml), parsed once.
 * @param {string} name
 */
export function readSpec(name) {
  if (!specs.has(name))
    specs.set(name, parse(readFileSync(new URL(`../../../specs/${name}.yaml`, import.meta.url), "utf8")));
  return specs.get(name);
}

/**
 * The value at a local `$ref`-style pointer of a provider's spec, for test fixtures that must
 * match the spec's examples: `specValue("fastly", "#/components/parameters/service_id/example")`.
 * @param {string} name
 * @param {string} pointer
 * @returns {any}
 */
export function specValue(name, pointer) {
  const value = resolver(readSpec(name))({ $ref: pointer });
  if (value === undefined) throw new Error(`specs/${name}.yaml has nothing at ${pointer}`);
  return value;
}
