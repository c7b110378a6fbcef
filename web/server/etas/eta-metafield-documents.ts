/** metafieldsSet is an atomic upsert of at most 25 metafields: a batch lands whole or not at all. */
export const ETA_METAFIELDS_SET_MUTATION = `#graphql
  mutation EtaMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id key }
      userErrors { field message code elementIndex }
    }
  }
`;

/** Deleting an absent metafield is not an error (it comes back as a null entry). */
export const ETA_METAFIELDS_DELETE_MUTATION = `#graphql
  mutation EtaMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key namespace ownerId }
      userErrors { field message }
    }
  }
`;

export type MetafieldsSetResult = {
  metafieldsSet: { userErrors: { field: string[] | null; message: string; code: string | null }[] };
};
export type MetafieldsDeleteResult = {
  metafieldsDelete: { userErrors: { field: string[] | null; message: string }[] };
};
