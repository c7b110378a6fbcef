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

/** The shop's GID: the owner of the shop's own metafields. */
export const SHOP_ID_QUERY = `#graphql
  query ShopId { shop { id } }
`;

/** Shop metafields the theme blocks read (the signup channels); metafieldsSet is an upsert. */
export const SHOP_METAFIELDS_SET_MUTATION = `#graphql
  mutation ShopMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id value }
      userErrors { field message code }
    }
  }
`;
