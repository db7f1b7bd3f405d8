// A small spec and one mutation per required case, with the classification each must get.
export const base = {
  openapi: "3.0.3",
  info: { title: "items", version: "1.0.0" },
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [
          { name: "state", in: "query", required: false, schema: { $ref: "#/components/schemas/ItemState" } },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Item" } } },
            },
          },
        },
      },
      post: {
        operationId: "createItem",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: { name: { type: "string" }, note: { type: "string" } },
              },
            },
          },
        },
        responses: {
          201: {
            description: "created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    },
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          200: {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      ItemState: { type: "string", enum: ["READY", "FAILED"] },
      Item: {
        type: "object",
        required: ["id", "state"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          state: { $ref: "#/components/schemas/ItemState" },
        },
      },
    },
  },
};

/** name -> [mutation of a copy of `base`, expected level] */
export const cases = {
  "removing a response field": [(s) => delete s.components.schemas.Item.properties.name, "breaking"],
  "making a query parameter required": [(s) => (s.paths["/items"].get.parameters[0].required = true), "breaking"],
  "adding an optional field": [
    (s) => {
      s.components.schemas.Item.properties.label = { type: "string" };
      s.paths["/items"].post.requestBody.content["application/json"].schema.properties.tag = { type: "string" };
    },
    "added",
  ],
  "adding an operation": [
    (s) =>
      (s.paths["/items/{id}"].delete = {
        operationId: "deleteItem",
        parameters: [],
        responses: { 204: { description: "gone" } },
      }),
    "added",
  ],
  "renaming an enum value": [(s) => (s.components.schemas.ItemState.enum = ["STAGED", "FAILED"]), "breaking"],
  "changing a 200 body's media type": [
    (s) => {
      const ok = s.paths["/items/{id}"].get.responses[200];
      ok.content = { "application/xml": ok.content["application/json"] };
    },
    "breaking",
  ],
};

export function mutated(name) {
  const spec = structuredClone(base);
  cases[name][0](spec);
  return spec;
}
