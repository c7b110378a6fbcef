/** The shop's facts the app shows and computes with (emails, ETA dates) and its locations (settings). */
export const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      name
      currencyCode
      ianaTimezone
      primaryDomain { url }
    }
    locations(first: 100) {
      nodes { id name isActive }
    }
  }
`;
