/**
 * The initial sync reads every variant with its item and levels in one bulk operation. Bulk queries
 * allow two levels of connection nesting: productVariants > inventoryLevels.
 */
export const BULK_SYNC_QUERY = `#graphql
{
  productVariants {
    edges {
      node {
        id
        title
        sku
        price
        inventoryPolicy
        product { id title handle featuredMedia { preview { image { url } } } }
        inventoryItem {
          id
          tracked
          inventoryLevels {
            edges {
              node {
                location { id }
                updatedAt
                quantities(names: ["available"]) { name quantity }
              }
            }
          }
        }
      }
    }
  }
}`;

export const BULK_OPERATION_RUN_QUERY_MUTATION = `#graphql
  mutation BackorderSyncStart($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_OPERATION_QUERY = `#graphql
  query BackorderSyncStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode objectCount url }
    }
  }
`;
