import { toBigId } from "./gid.ts";
import type { SimCore } from "./sim-core.ts";
import {
  findInventoryItem,
  findOrder,
  findProduct,
  findVariant,
  levelsOfItem,
  onHand,
} from "./store/lookups.ts";
import type { Simulator } from "./simulator-types.ts";

type Readers = Pick<
  Simulator,
  | "getShop"
  | "getProduct"
  | "getVariant"
  | "getOrder"
  | "getOrderTags"
  | "getInventoryLevels"
  | "getMetafields"
  | "getMetafieldDefinitions"
  | "getBulkOperation"
  | "getDiscounts"
  | "listShops"
  | "listProducts"
  | "listOrders"
>;

/** Read-only views of the store for tests and the playground console; every result is a copy. */
export function createStateReaders(core: SimCore): Readers {
  const { store } = core;
  const copy = structuredClone;
  const ofShop = <T extends { shopDomain: string }>(map: Map<bigint, T>, shop: string) =>
    [...map.values()].filter((r) => r.shopDomain === shop);
  return {
    getShop: (shop) => copy(store.shops.get(shop)),
    getProduct: (shop, id) => copy(findProduct(store, shop, toBigId(id))),
    getVariant: (shop, id) => copy(findVariant(store, shop, toBigId(id))),
    getOrder: (shop, id) => copy(findOrder(store, shop, toBigId(id))),
    getOrderTags: (shop, id) => [...(findOrder(store, shop, toBigId(id))?.tags ?? [])],
    getInventoryLevels(shop, itemId) {
      const item = findInventoryItem(store, shop, toBigId(itemId));
      return item
        ? levelsOfItem(store, item).map((level) => ({ ...copy(level), onHand: onHand(level) }))
        : [];
    },
    getMetafields: (ownerGid) => copy([...store.metafields.values()].filter((m) => m.ownerGid === ownerGid)),
    getMetafieldDefinitions: (shop) => copy(ofShop(store.metafieldDefinitions, shop)),
    getBulkOperation: (shop, id) => {
      const op = store.bulkOperations.get(toBigId(id));
      return op?.shopDomain === shop ? copy(op) : undefined;
    },
    getDiscounts: (shop) => copy(ofShop(store.discounts, shop)),
    listShops: () => copy([...store.shops.values()]),
    listProducts: (shop) =>
      copy(
        ofShop(store.products, shop).map((product) => ({
          ...product,
          variants: product.variantIds.map((id) => store.variants.get(id)!),
        })),
      ),
    listOrders: (shop) => copy(ofShop(store.orders, shop)),
  };
}
