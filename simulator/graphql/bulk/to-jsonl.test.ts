import { describe, expect, it } from "vitest";
import { toJsonl } from "./to-jsonl.ts";

describe("toJsonl", () => {
  it("writes one line per node and flattens nested connections with __parentId after their parent", () => {
    const data = {
      products: {
        edges: [
          {
            node: {
              id: "gid://shopify/Product/1",
              title: "Tee",
              variants: {
                edges: [
                  { node: { id: "gid://shopify/ProductVariant/11" } },
                  { node: { id: "gid://shopify/ProductVariant/12" } },
                ],
              },
            },
          },
          {
            node: {
              id: "gid://shopify/Product/2",
              title: "Mug",
              variants: { nodes: [] },
              seo: { title: "x" },
            },
          },
        ],
      },
    };
    const { jsonl, objectCount, rootObjectCount } = toJsonl(data);
    expect(jsonl.split("\n")).toEqual([
      '{"id":"gid://shopify/Product/1","title":"Tee"}',
      '{"id":"gid://shopify/ProductVariant/11","__parentId":"gid://shopify/Product/1"}',
      '{"id":"gid://shopify/ProductVariant/12","__parentId":"gid://shopify/Product/1"}',
      '{"id":"gid://shopify/Product/2","title":"Mug","seo":{"title":"x"}}',
      "",
    ]);
    expect({ objectCount, rootObjectCount }).toEqual({ objectCount: 4, rootObjectCount: 2 });
  });

  it("keeps nested plain objects inline and gives an empty file when nothing matched", () => {
    expect(toJsonl({ productVariants: { edges: [] } })).toEqual({
      jsonl: "",
      objectCount: 0,
      rootObjectCount: 0,
    });
    const { jsonl } = toJsonl({
      productVariants: { nodes: [{ id: "v", product: { id: "p", handle: "h" } }] },
    });
    expect(jsonl).toBe('{"id":"v","product":{"id":"p","handle":"h"}}\n');
  });
});
