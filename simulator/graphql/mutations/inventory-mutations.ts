import type { GraphQLResolveInfo } from "graphql";
import { gid, parseGid } from "../../gid.ts";
import { inventoryLevelPayload } from "../../payloads/inventory-level-payload.ts";
import { emitEvents, isoSeconds } from "../../sim-core.ts";
import { findInventoryItem, findLevel, onHand } from "../../store/lookups.ts";
import type { SimInventoryLevel } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";
import { inventoryItemView } from "../views/inventory-views.ts";
import { locationView } from "../views/shop-view.ts";
import { withIdempotency } from "./idempotency.ts";

interface ChangeRequest {
  inventoryItemId: string;
  locationId: string;
  changeFromQuantity?: number | null;
  /** Relative change for adjust, absolute quantity for set. */
  amount: number;
}

const REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_created",
  "movement_updated",
  "movement_received",
  "movement_canceled",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

type Err = { field: string[]; message: string; code: string };

export function inventoryAdjustQuantities(
  ctx: GqlContext,
  args: {
    input: {
      name: string;
      reason: string;
      referenceDocumentUri?: string | null;
      changes: Array<Omit<ChangeRequest, "amount"> & { delta: number }>;
    };
  },
  info: GraphQLResolveInfo,
) {
  const requests = args.input.changes.map((c) => ({ ...c, amount: c.delta }));
  return withIdempotency(ctx, info, args, mismatch, () =>
    apply(ctx, args.input, requests, "changes", (cur, amount) => cur + amount),
  );
}

export function inventorySetQuantities(
  ctx: GqlContext,
  args: {
    input: {
      name: string;
      reason: string;
      referenceDocumentUri?: string | null;
      quantities: Array<Omit<ChangeRequest, "amount"> & { quantity: number }>;
    };
  },
  info: GraphQLResolveInfo,
) {
  const requests = args.input.quantities.map((q) => ({ ...q, amount: q.quantity }));
  return withIdempotency(ctx, info, args, mismatch, () =>
    apply(ctx, args.input, requests, "quantities", (_cur, amount) => amount),
  );
}

function mismatch() {
  return {
    inventoryAdjustmentGroup: null,
    userErrors: [
      {
        field: ["input"],
        message: "The same idempotency key cannot be used with different operation parameters.",
        code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
      },
    ],
  };
}

function apply(
  ctx: GqlContext,
  input: { name: string; reason: string; referenceDocumentUri?: string | null },
  requests: ChangeRequest[],
  listName: string,
  next: (current: number, amount: number) => number,
) {
  const { store } = ctx.core;
  const errors: Err[] = [];
  if (input.name !== "available" && input.name !== "on_hand") {
    errors.push({
      field: ["input", "name"],
      message: "The quantity name must be either 'available' or 'on_hand'.",
      code: "INVALID_QUANTITY_NAME",
    });
  }
  if (!REASONS.has(input.reason))
    errors.push({
      field: ["input", "reason"],
      message: "The specified reason is invalid.",
      code: "INVALID_REASON",
    });
  const planned: Array<{ level: SimInventoryLevel; before: number; after: number }> = [];
  requests.forEach((request, index) => {
    const at = (field: string, message: string, code: string) =>
      errors.push({ field: ["input", listName, String(index), field], message, code });
    const itemGid = parseGid(request.inventoryItemId);
    const item =
      itemGid?.type === "InventoryItem" ? findInventoryItem(store, ctx.shop.domain, itemGid.id) : undefined;
    if (!item)
      return at(
        "inventoryItemId",
        "The specified inventory item could not be found.",
        "INVALID_INVENTORY_ITEM",
      );
    const locationGid = parseGid(request.locationId);
    const level = locationGid?.type === "Location" ? findLevel(store, item.id, locationGid.id) : undefined;
    if (!level) return at("locationId", "The specified location could not be found.", "INVALID_LOCATION");
    const before = input.name === "on_hand" ? onHand(level) : level.available;
    if (request.changeFromQuantity != null && request.changeFromQuantity !== before) {
      return at(
        "changeFromQuantity",
        "The changeFromQuantity argument no longer matches the persisted quantity.",
        "CHANGE_FROM_QUANTITY_STALE",
      );
    }
    planned.push({ level, before, after: next(before, request.amount) });
  });
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const now = ctx.core.now();
  for (const { level, before, after } of planned) {
    // available and on_hand move together: committed and the unavailable states are untouched.
    level.available += after - before;
    level.updatedAt = now;
  }
  emitEvents(
    ctx.core,
    ctx.shop.domain,
    planned.map(({ level }) => ({
      topic: "inventory_levels/update",
      payload: inventoryLevelPayload(level, ctx.shop.ianaTimezone),
    })),
  );
  const changes = planned.flatMap(({ level, before, after }) =>
    ["available", "on_hand"].map((name) => ({
      name,
      delta: after - before,
      quantityAfterChange: name === "available" ? level.available : onHand(level),
      ledgerDocumentUri: null,
      item: () => inventoryItemView(ctx, store.inventoryItems.get(level.inventoryItemId)!),
      location: () => locationView(ctx, store.locations.get(level.locationId)!),
    })),
  );
  return {
    inventoryAdjustmentGroup: {
      __typename: "InventoryAdjustmentGroup",
      id: gid("InventoryAdjustmentGroup", store.nextId()),
      reason: input.reason,
      referenceDocumentUri: input.referenceDocumentUri ?? null,
      createdAt: isoSeconds(now),
      changes: (filter: { quantityNames?: string[] | null }) =>
        changes.filter((c) => !filter.quantityNames || filter.quantityNames.includes(c.name)),
    },
    userErrors: [],
  };
}
