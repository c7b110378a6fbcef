/** The app's own ($app) definitions for an owner type, with the access they grant. */
export const APP_METAFIELD_DEFINITIONS_QUERY = `#graphql
  query AppMetafieldDefinitions($ownerType: MetafieldOwnerType!) {
    metafieldDefinitions(ownerType: $ownerType, namespace: "$app", first: 100) {
      nodes {
        id
        key
        type { name }
        access { storefront }
      }
    }
  }
`;

export const METAFIELD_DEFINITION_CREATE_MUTATION = `#graphql
  mutation AppMetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition { id key }
      userErrors { field message code }
    }
  }
`;
