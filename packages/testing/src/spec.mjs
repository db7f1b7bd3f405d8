// Reading an OpenAPI spec: its operations, and the local `$ref`s between its parts. Shared by
// the contract table, contract coverage and `npm run new-provider`.

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
          .reduce((at, key) => at[key], spec)
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
