import { parseGid } from "../../gid.ts";
import { resolveNamespace } from "../../sim-core.ts";
import type { SimMetafield } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";
import { metafieldDigest, metafieldsOf, metafieldView } from "../views/metafield-view.ts";
import { nodeByGid } from "../views/node-by-gid.ts";
import { validateMetafieldValue } from "./validate-metafield-value.ts";

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

type SetError = { field: string[]; message: string; code: string; elementIndex: number | null };

const METAFIELD_OWNERS = new Set([
  "Product",
  "ProductVariant",
  "Order",
  "Customer",
  "Shop",
  "AppInstallation",
  "Location",
]);

/** Atomic upsert of up to 25 metafields; `compareDigest` gives compare-and-set (null = must not exist). */
export function metafieldsSet(ctx: GqlContext, args: { metafields: MetafieldsSetInput[] }) {
  const { store } = ctx.core;
  if (args.metafields.length > 25) {
    return failure([
      {
        field: ["metafields"],
        message: "Exceeded the maximum metafields input limit of 25.",
        code: "LESS_THAN_OR_EQUAL_TO",
        elementIndex: null,
      },
    ]);
  }
  const errors: SetError[] = [];
  const plans = args.metafields.map((input, index) => {
    const at = (name: string, message: string, code: string) =>
      errors.push({ field: ["metafields", String(index), name], message, code, elementIndex: index });
    const namespace = resolveNamespace(ctx.core, input.namespace);
    const existing = metafieldsOf(ctx, input.ownerId).find(
      (m) => m.namespace === namespace && m.key === input.key,
    );
    const type = input.type ?? existing?.type;
    if (
      !METAFIELD_OWNERS.has(parseGid(input.ownerId)?.type ?? "") ||
      nodeByGid(ctx, input.ownerId) === null
    ) {
      at("ownerId", "Owner does not exist.", "INVALID_VALUE");
    }
    if (input.key.length < 2 || input.key.length > 64) at("key", "Key must be 2-64 characters.", "INVALID");
    if (!type) at("type", "Type can't be blank.", "BLANK");
    else {
      const problem = validateMetafieldValue(type, input.value);
      if (problem) at("value", problem, "INVALID_VALUE");
    }
    if (input.compareDigest !== undefined) {
      const stale =
        input.compareDigest === null
          ? existing !== undefined
          : !existing || metafieldDigest(existing) !== input.compareDigest;
      if (stale) {
        at(
          "compareDigest",
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
          "STALE_OBJECT",
        );
      }
    }
    return { input, namespace, existing, type: type ?? "" };
  });
  if (errors.length > 0) return failure(errors);
  const now = ctx.core.now();
  const saved = plans.map(({ input, namespace, existing, type }): SimMetafield => {
    if (existing) {
      // A write of the same value leaves the metafield (and its digest) untouched, as on Shopify.
      if (existing.value !== input.value || existing.type !== type) {
        existing.value = input.value;
        existing.type = type;
        existing.updatedAt = now;
      }
      return existing;
    }
    const created: SimMetafield = {
      id: store.nextId(),
      shopDomain: ctx.shop.domain,
      ownerGid: input.ownerId,
      namespace,
      key: input.key,
      type,
      value: input.value,
      createdAt: now,
      updatedAt: now,
    };
    store.metafields.set(created.id, created);
    return created;
  });
  return { metafields: saved.map((m) => metafieldView(ctx, m)), userErrors: [] };
}

function failure(errors: SetError[]) {
  return { metafields: [], userErrors: errors };
}

/** Deletes by owner/namespace/key; unknown ones are reported as null entries, not errors. */
export function metafieldsDelete(
  ctx: GqlContext,
  args: { metafields: Array<{ ownerId: string; namespace: string; key: string }> },
) {
  const deleted = args.metafields.map((input) => {
    const namespace = resolveNamespace(ctx.core, input.namespace);
    const existing = metafieldsOf(ctx, input.ownerId).find(
      (m) => m.namespace === namespace && m.key === input.key,
    );
    if (!existing) return null;
    ctx.core.store.metafields.delete(existing.id);
    return { ownerId: input.ownerId, namespace: input.namespace, key: input.key };
  });
  return { deletedMetafields: deleted, userErrors: [] };
}
