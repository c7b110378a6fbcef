// Order reconciliation (docs/order-reconciliation.md) reads back what orders/create|updated|cancelled
// would have delivered. Requested cost is checked before a query runs and a single query may not
// ask for more than 1,000 points: a line costs 8 (itself, two money bags of one MoneyV2 each, the
// variant and its inventory item, the product), so 10 orders of 10 lines ask for 862 points. The
// actual cost (what the bucket keeps) follows the lines returned, a fraction of that for most shops.

export const ORDERS_PER_PAGE = 10;
export const LINES_PER_ORDER = 10;
export const LINES_PER_PAGE = 50;

const LINE_FIELDS = `
  id
  title
  variantTitle
  sku
  quantity
  currentQuantity
  unfulfilledQuantity
  originalUnitPriceSet { shopMoney { amount } }
  totalDiscountSet { shopMoney { amount } }
  variant { id inventoryItem { tracked } }
  product { id }
`;

/** Orders updated after a point, oldest change first, each with its first lines. */
export const ORDERS_UPDATED_SINCE_QUERY = `#graphql
  query OrdersUpdatedSince($query: String!, $after: String) {
    orders(first: ${ORDERS_PER_PAGE}, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        email
        customerLocale
        currencyCode
        tags
        createdAt
        updatedAt
        cancelledAt
        closedAt
        statusPageUrl
        totalPriceSet { shopMoney { amount } }
        customer { id firstName tags }
        lineItems(first: ${LINES_PER_ORDER}) {
          pageInfo { hasNextPage endCursor }
          nodes { ${LINE_FIELDS} }
        }
      }
    }
  }
`;

/** The rest of the lines of an order with more than LINES_PER_ORDER. */
export const ORDER_LINE_ITEMS_QUERY = `#graphql
  query OrderLineItems($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: ${LINES_PER_PAGE}, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${LINE_FIELDS} }
      }
    }
  }
`;
