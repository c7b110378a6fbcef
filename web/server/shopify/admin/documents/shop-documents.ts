/**
 * The shop's facts the app shows and computes with (emails, ETA dates, whether checkout steps can show
 * the estimate: Plus only) and its locations (settings).
 */
export const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      name
      currencyCode
      ianaTimezone
      primaryDomain { url }
      plan { shopifyPlus publicDisplayName }
    }
    locations(first: 100) {
      nodes { id name isActive }
    }
  }
`;
