// Levels are read with `available` only: it already has unfulfilled order quantities taken off,
// which is exactly what allocation needs (docs/core-rules.md, "Backordered units"). `variants` replaces the deprecated `variant`.
// 20 levels per item: requested cost grows with `first`, and few shops stock a variant in more
// locations (a longer list would need paging; not supported yet).

const VARIANT_FIELDS = `
  id
  title
  sku
  price
  inventoryPolicy
  product { id title handle }
`;

const LEVEL_FIELDS = `
  location { id }
  updatedAt
  quantities(names: ["available"]) { name quantity }
`;

/** An inventory item with its variant and its levels at every location (inventory_levels/update lookups). */
export const INVENTORY_ITEM_STATE_QUERY = `#graphql
  query InventoryItemState($id: ID!) {
    inventoryItem(id: $id) {
      id
      tracked
      variants(first: 1) { nodes { ${VARIANT_FIELDS} } }
      inventoryLevels(first: 20) { nodes { ${LEVEL_FIELDS} } }
    }
  }
`;

/**
 * One variant by id with its item and levels: a storefront signup for a variant the app has not
 * synced yet (null when the shop has no such variant).
 */
export const PRODUCT_VARIANT_STATE_QUERY = `#graphql
  query ProductVariantState($id: ID!) {
    productVariant(id: $id) {
      ${VARIANT_FIELDS}
      inventoryItem {
        id
        tracked
        inventoryLevels(first: 20) { nodes { ${LEVEL_FIELDS} } }
      }
    }
  }
`;

/** Several variants at once with their item and levels (reconciliation). */
export const VARIANTS_STATE_QUERY = `#graphql
  query VariantsState($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        ${VARIANT_FIELDS}
        inventoryItem {
          id
          tracked
          inventoryLevels(first: 20) { nodes { ${LEVEL_FIELDS} } }
        }
      }
    }
  }
`;
