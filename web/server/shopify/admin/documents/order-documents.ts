/** Tags are a set on Shopify's side: adding a present tag or removing an absent one is harmless. */
export const ORDER_TAGS_ADD_MUTATION = `#graphql
  mutation OrderTagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node { id }
      userErrors { field message }
    }
  }
`;

export const ORDER_TAGS_REMOVE_MUTATION = `#graphql
  mutation OrderTagsRemove($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      node { id }
      userErrors { field message }
    }
  }
`;

/** metafieldsSet is an upsert, so writing the same summary twice is harmless. */
export const ORDER_METAFIELDS_SET_MUTATION = `#graphql
  mutation OrderBackorderSummarySet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id key namespace }
      userErrors { field message code }
    }
  }
`;

export const ORDER_METAFIELDS_DELETE_MUTATION = `#graphql
  mutation OrderBackorderSummaryDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key namespace ownerId }
      userErrors { field message }
    }
  }
`;
