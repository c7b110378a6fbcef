import { ETA_METAFIELD_TYPES, type EtaMetafieldKey } from "./plan-eta-metafields.ts";

/**
 * The app's variant metafield definitions, as shopify.app.toml declares them
 * ([variant.metafields.app.*]; a test keeps the two equal). Shopify creates declarative definitions
 * on deploy; the app checks after each install that they exist and creates any that are missing,
 * because without a definition granting storefront access the theme block and the checkout
 * extension read nothing (docs/operations.md, "Metafield definitions").
 */
export type AppMetafieldDefinition = {
  key: EtaMetafieldKey;
  type: string;
  name: string;
  description: string | null;
  access: { admin: "MERCHANT_READ"; storefront: "PUBLIC_READ"; customerAccount: "READ" };
};

const ACCESS = { admin: "MERCHANT_READ", storefront: "PUBLIC_READ", customerAccount: "READ" } as const;

export const APP_VARIANT_METAFIELD_DEFINITIONS: readonly AppMetafieldDefinition[] = [
  {
    key: "eta",
    type: ETA_METAFIELD_TYPES.eta,
    name: "Backorder ETA",
    description: "Date the backordered variant is expected to ship",
    access: ACCESS,
  },
  {
    key: "message",
    type: ETA_METAFIELD_TYPES.message,
    name: "Backorder message",
    description: null,
    access: ACCESS,
  },
  {
    key: "backordered",
    type: ETA_METAFIELD_TYPES.backordered,
    name: "Backordered",
    description: "True while the variant sells beyond its stock",
    access: ACCESS,
  },
];

export type ExistingDefinition = { key: string; storefront: string | null };

/**
 * Which declared definitions to create (absent from the shop) and which exist without storefront
 * access (left as they are: the merchant or Shopify set them; reported so it is not silent). Pure.
 */
export function planAppMetafieldDefinitions(
  declared: readonly AppMetafieldDefinition[],
  existing: readonly ExistingDefinition[],
): { create: AppMetafieldDefinition[]; withoutStorefront: string[] } {
  const byKey = new Map(existing.map((d) => [d.key, d]));
  return {
    create: declared.filter((d) => !byKey.has(d.key)),
    withoutStorefront: declared
      .filter((d) => byKey.has(d.key) && byKey.get(d.key)!.storefront !== "PUBLIC_READ")
      .map((d) => d.key),
  };
}
