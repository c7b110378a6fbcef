import { parseGid } from "../../gid.ts";
import { orderPayload } from "../../payloads/order-payload.ts";
import { emitEvents } from "../../sim-core.ts";
import { emitProductUpdate } from "../../actions/update-product.ts";
import { findOrder, findProduct } from "../../store/lookups.ts";
import type { GqlContext } from "../gql-context.ts";
import { nodeByGid } from "../views/node-by-gid.ts";

interface Taggable {
  tags: string[];
  updatedAt: Date;
}

/** Tags accept a list or comma-separated strings; they are a set, so re-adding is harmless. */
function normalise(tags: string[]): string[] {
  return tags
    .flatMap((tag) => tag.split(","))
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function change(
  ctx: GqlContext,
  id: string,
  tags: string[],
  apply: (current: string[], given: string[]) => string[],
) {
  const parsed = parseGid(id);
  const { store } = ctx.core;
  const shop = ctx.shop.domain;
  let target: Taggable | undefined;
  let notify: () => void = () => {};
  if (parsed?.type === "Order") {
    const order = findOrder(store, shop, parsed.id);
    target = order;
    // Shopify sends orders/updated for tag edits; apps must not loop on their own changes.
    if (order)
      notify = () =>
        emitEvents(ctx.core, shop, [{ topic: "orders/updated", payload: orderPayload(ctx.core, order) }]);
  } else if (parsed?.type === "Product") {
    const product = findProduct(store, shop, parsed.id);
    target = product;
    if (product) notify = () => emitProductUpdate(ctx.core, product);
  } else if (parsed?.type === "Customer") {
    const customer = store.customers.get(parsed.id);
    target = customer?.shopDomain === shop ? customer : undefined;
  }
  if (!target) return { node: null, userErrors: [{ field: ["id"], message: "Resource does not exist" }] };
  const next = apply(target.tags, normalise(tags));
  if (next.join("\u0000") !== target.tags.join("\u0000")) {
    target.tags = next;
    target.updatedAt = ctx.core.now();
    notify();
  }
  return { node: nodeByGid(ctx, id), userErrors: [] };
}

export function tagsAdd(ctx: GqlContext, args: { id: string; tags: string[] }) {
  return change(ctx, args.id, args.tags, (current, given) => [...new Set([...current, ...given])]);
}

export function tagsRemove(ctx: GqlContext, args: { id: string; tags: string[] }) {
  return change(ctx, args.id, args.tags, (current, given) => current.filter((tag) => !given.includes(tag)));
}
