import { FIRST_ID } from "../constants.ts";
import type {
  SimBulkOperation,
  SimCustomer,
  SimDiscount,
  SimInventoryItem,
  SimInventoryLevel,
  SimLocation,
  SimMetafield,
  SimMetafieldDefinition,
  SimOrder,
  SimProduct,
  SimShop,
  SimVariant,
} from "./store-types.ts";

export interface Store {
  nextId(): bigint;
  shops: Map<string, SimShop>;
  locations: Map<bigint, SimLocation>;
  products: Map<bigint, SimProduct>;
  variants: Map<bigint, SimVariant>;
  inventoryItems: Map<bigint, SimInventoryItem>;
  /** Keyed by levelKey(inventoryItemId, locationId). */
  levels: Map<string, SimInventoryLevel>;
  customers: Map<bigint, SimCustomer>;
  orders: Map<bigint, SimOrder>;
  metafields: Map<bigint, SimMetafield>;
  metafieldDefinitions: Map<bigint, SimMetafieldDefinition>;
  bulkOperations: Map<bigint, SimBulkOperation>;
  discounts: Map<bigint, SimDiscount>;
  /** flowTriggerReceive calls, in order (not persisted). */
  flowTriggers: { shopDomain: string; handle: string; payload: Record<string, unknown>; receivedAt: Date }[];
}

export function createStore(): Store {
  let next = FIRST_ID;
  return {
    nextId() {
      const id = next;
      next += 2n;
      return id;
    },
    shops: new Map(),
    locations: new Map(),
    products: new Map(),
    variants: new Map(),
    inventoryItems: new Map(),
    levels: new Map(),
    customers: new Map(),
    orders: new Map(),
    metafields: new Map(),
    metafieldDefinitions: new Map(),
    bulkOperations: new Map(),
    discounts: new Map(),
    flowTriggers: [],
  };
}

export function levelKey(inventoryItemId: bigint, locationId: bigint): string {
  return `${inventoryItemId}:${locationId}`;
}
