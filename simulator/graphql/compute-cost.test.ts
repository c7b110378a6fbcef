import { Kind, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { computeCost } from "./compute-cost.ts";
import { loadAdminSchema } from "./load-schema.ts";

function cost(query: string, variables: Record<string, unknown> = {}, data?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return computeCost({ schema: loadAdminSchema(), operation, fragments: {}, variables }, data);
}

describe("computeCost (requested)", () => {
  it.each([
    ["scalars only cost the object", "{ shop { name email } }", {}, 1],
    ["nested objects cost 1 each", "{ shop { name primaryDomain { url } } }", {}, 2],
    [
      "connections cost 2 + first x item",
      "{ productVariants(first: 10) { nodes { id product { id } } } }",
      {},
      22,
    ],
    [
      "edges wrappers and pageInfo are free",
      "{ products(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage } } }",
      {},
      7,
    ],
    ["first from a variable", "query Q($n: Int) { locations(first: $n) { nodes { id } } }", { n: 3 }, 5],
    [
      "nodes(ids) multiplies by the id count",
      "query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { ids: ["a", "b", "c"] },
      3,
    ],
    [
      "mutations cost 10 plus their payload",
      'mutation { tagsAdd(id: "x", tags: ["a"]) { node { id } userErrors { message } } }',
      {},
      12,
    ],
    ["inline fragments count", '{ node(id: "x") { ... on Order { customer { id } } } }', {}, 2],
  ])("%s", (_case, query, variables, expected) => {
    expect(cost(query, variables)).toBe(expected);
  });
});

describe("computeCost (actual)", () => {
  it("counts what came back: returned items, not `first`, and nothing for nulls", () => {
    const query = "{ productVariants(first: 10) { nodes { id product { id } } } }";
    const data = {
      productVariants: {
        nodes: [
          { id: "1", product: { id: "p" } },
          { id: "2", product: null },
        ],
      },
    };
    expect(cost(query, {}, data)).toBe(2 + 2 + 1);
  });
});
