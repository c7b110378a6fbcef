export type InventoryPolicy = "DENY" | "CONTINUE";

export interface SimLocation {
  id: bigint;
  shopDomain: string;
  name: string;
  createdAt: Date;
}

export interface SimShop {
  id: bigint;
  domain: string;
  name: string;
  email: string;
  currency: string;
  locale: string;
  /** Published alternate languages, served under /{locale}/ (absent in older saved states). */
  alternateLocales?: string[];
  ianaTimezone: string;
  ownerStaffId: bigint;
  locationIds: bigint[];
  installed: boolean;
  orderCount: number;
  /** ShopPlan.publicDisplayName ("Basic", "Grow", "Advanced", "Plus", ...); absent in old states. */
  plan?: string;
  createdAt: Date;
}

export interface SimProduct {
  id: bigint;
  shopDomain: string;
  title: string;
  handle: string;
  imageUrl: string | null;
  vendor: string;
  productType: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  tags: string[];
  variantIds: bigint[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SimVariant {
  id: bigint;
  shopDomain: string;
  productId: bigint;
  inventoryItemId: bigint;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryPolicy: InventoryPolicy;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimInventoryItem {
  id: bigint;
  shopDomain: string;
  variantId: bigint;
  tracked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Stored quantities; on_hand is derived (available + committed + unavailable states). */
export interface SimInventoryLevel {
  shopDomain: string;
  inventoryItemId: bigint;
  locationId: bigint;
  available: number;
  committed: number;
  incoming: number;
  reserved: number;
  damaged: number;
  safetyStock: number;
  qualityControl: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimCustomer {
  id: bigint;
  shopDomain: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  locale: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimLineItem {
  id: bigint;
  variantId: bigint | null;
  productId: bigint | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  price: string;
  quantity: number;
  currentQuantity: number;
  fulfillableQuantity: number;
  fulfilledQuantity: number;
  inventoryItemId: bigint | null;
  /** Location whose `committed` holds this line's units; null for untracked variants. */
  locationId: bigint | null;
  tracked: boolean;
  inventoryPolicy: InventoryPolicy;
  /** Line item properties from the cart (`properties[...]` of the product form), in order. */
  properties?: SimLineProperty[];
}

export interface SimLineProperty {
  name: string;
  value: string;
}

/** The buyer's name as checkout records it on the billing (and shipping) address. */
export interface SimAddress {
  firstName: string | null;
  lastName: string | null;
}

export interface SimOrder {
  id: bigint;
  shopDomain: string;
  number: number;
  name: string;
  email: string;
  customerId: bigint;
  locale: string;
  tags: string[];
  currency: string;
  /** Absent in states saved before addresses existed. */
  billingAddress?: SimAddress | null;
  lineItems: SimLineItem[];
  financialStatus: "paid" | "voided" | "refunded";
  fulfillmentStatus: "partial" | "fulfilled" | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimMetafield {
  id: bigint;
  shopDomain: string;
  ownerGid: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A metafield definition; `namespace` is stored resolved (`$app` -> `app--{appId}`). */
export interface SimMetafieldDefinition {
  id: bigint;
  shopDomain: string;
  ownerType: string;
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  access: { admin: string | null; storefront: string; customerAccount: string };
  createdAt: Date;
}

export interface SimBulkOperation {
  id: bigint;
  shopDomain: string;
  query: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  errorCode: string | null;
  objectCount: number;
  rootObjectCount: number;
  jsonl: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface SimDiscount {
  id: bigint;
  shopDomain: string;
  title: string;
  code: string;
  percentage: number | null;
  amount: string | null;
  startsAt: Date;
  endsAt: Date | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  createdAt: Date;
}
