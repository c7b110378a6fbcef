/**
 * Switches variants between selling and not selling when out of stock. Setting the policy a variant
 * already has is harmless, so a retried job may send it again. `updatedAt` dates the switch: a
 * later products/update showing another policy is the merchant's.
 */
export const VARIANT_POLICY_UPDATE_MUTATION = `#graphql
  mutation VariantSellingPolicyUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      product { id updatedAt }
      productVariants { id inventoryPolicy }
      userErrors { field message code }
    }
  }
`;

/**
 * A single-use code for the customer's next order. The code is chosen by the app (derived from the
 * order), so a retry after a lost response meets TAKEN instead of creating a second discount.
 */
export const DISCOUNT_CODE_CREATE_MUTATION = `#graphql
  mutation OrderDiscountCodeCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }
`;
