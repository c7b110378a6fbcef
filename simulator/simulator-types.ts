import type { Router } from "express";
import type { CancelOrderInput } from "./actions/cancel-order.ts";
import type { CreatedProduct, CreateProductInput } from "./actions/create-product.ts";
import type { CreateShopInput } from "./actions/create-shop.ts";
import type { FulfillLines } from "./actions/fulfill-order.ts";
import type { PlaceOrderInput } from "./actions/place-order.ts";
import type { UpdateProductInput } from "./actions/update-product.ts";
import type { MintSessionTokenInput } from "./auth/mint-session-token.ts";
import type { GraphqlLogEntry } from "./graphql/graphql-types.ts";
import type { MetafieldDefinitionInput } from "./graphql/mutations/metafield-definition-create.ts";
import type { BucketSettings, ThrottleStatus } from "./graphql/leaky-bucket.ts";
import type { SimState } from "./persist-state.ts";
import type { TwilioFake } from "./twilio/twilio-fake.ts";
import type {
  SimBulkOperation,
  SimDiscount,
  SimInventoryLevel,
  SimMetafield,
  SimMetafieldDefinition,
  SimOrder,
  SimProduct,
  SimShop,
  SimVariant,
} from "./store/store-types.ts";
import type {
  DeliveryAttempt,
  DropRule,
  FlushOptions,
  PendingDelivery,
  WebhookRetryOptions,
} from "./webhooks/webhook-types.ts";

export interface SimulatorOptions {
  apiKey: string;
  apiSecret: string;
  /** Webhooks go to `${appUrl}/webhooks`; until set, deliveries are held (see setAppUrl). */
  appUrl?: string;
  /** Topics the app subscribes to (default: every topic). Compliance topics are always sent. */
  webhookTopics?: string[];
  bucket?: BucketSettings;
  webhookRetry?: WebhookRetryOptions;
  /** Per-attempt timeout; Shopify's is 5 s. */
  webhookTimeoutMs?: number;
  port?: number;
  now?: () => Date;
  /** Start from a saved state (see exportState) instead of an empty store. */
  state?: SimState;
  /** Called after every HTTP request that may have changed the state (any method but GET/HEAD). */
  onChange?: () => void;
  /** Extra routes (the playground's storefront and console), mounted before the simulator's own. */
  routes?: (sim: Simulator) => Router;
}

type Id = bigint | string;

export interface Simulator {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly apiKey: string;
  /** Numeric app id; `$app` metafield namespaces resolve to `app--${appId}`. */
  readonly appId: bigint;
  close(): Promise<void>;
  setAppUrl(url: string): void;
  setBucket(shop: string, settings: Partial<ThrottleStatus>): void;

  createShop(input?: CreateShopInput): SimShop;
  createProduct(shop: string, input: CreateProductInput): CreatedProduct;
  updateProduct(shop: string, productId: Id, input: UpdateProductInput): SimProduct;
  deleteProduct(shop: string, productId: Id): void;
  placeOrder(shop: string, input: PlaceOrderInput): SimOrder;
  fulfillOrder(shop: string, orderId: Id, lines?: FulfillLines): SimOrder;
  cancelOrder(shop: string, orderId: Id, input: CancelOrderInput): SimOrder;
  setInventory(shop: string, inventoryItemId: Id, locationId: Id, available: number): SimInventoryLevel;
  adjustInventory(shop: string, inventoryItemId: Id, locationId: Id, delta: number): SimInventoryLevel;
  uninstallApp(shop: string): void;
  sendComplianceWebhook(topic: string, shop: string, payload?: Record<string, unknown>): void;
  /** Triggers the app sent with flowTriggerReceive for this shop, oldest first. */
  getFlowTriggers(shop: string): { handle: string; payload: Record<string, unknown>; receivedAt: Date }[];
  /** Calls a Flow action's runtime URL of the app, signed as Flow signs it. */
  callFlowAction(
    url: string,
    input: { shop: string; handle: string; properties: Record<string, unknown> },
  ): Promise<Response>;
  /** Sends Flow's trigger lifecycle callback: the shop has (or no longer has) a workflow on `handle`. */
  sendFlowLifecycle(
    url: string,
    input: { shop: string; handle: string; enabled: boolean; at?: Date },
  ): Promise<Response>;
  /**
   * A metafield definition made outside the app, e.g. the app's declarative ones that Shopify
   * creates from shopify.app.toml on deploy (metafieldDefinitionCreate's rules; throws on an error).
   */
  createMetafieldDefinition(shop: string, input: MetafieldDefinitionInput): SimMetafieldDefinition;

  /** An offline access token without going through token exchange (tests, playground). */
  issueAccessToken(shop: string): string;
  mintSessionToken(input: MintSessionTokenInput): Promise<string>;

  /** Every webhook attempt, in the order attempts finished. */
  readonly deliveries: readonly DeliveryAttempt[];
  waitForDeliveries(): Promise<void>;
  webhooks: {
    pause(): void;
    resume(): void;
    flush(options?: FlushOptions): void;
    redeliver(webhookId: string): void;
    queued(): PendingDelivery[];
    /** Drops matching deliveries (never sent, as after Shopify's last retry); see DropRule. */
    drop(rule: DropRule): void;
    clearDropRules(): void;
    dropRules(): DropRule[];
    /** Deliveries dropped so far and not delivered late. */
    dropped(): PendingDelivery[];
    /** Sends a dropped delivery after all (a first attempt, original ids and body). */
    deliverLate(webhookId: string): void;
  };
  readonly graphqlLog: readonly GraphqlLogEntry[];
  /** Twilio's Messages API stand-in at `${origin}/2010-04-01/...` (simulator/twilio/). */
  readonly twilio: TwilioFake;
  /** A copy of everything that must survive a restart (ids, counter, app id, access tokens). */
  exportState(): SimState;

  getShop(shop: string): SimShop | undefined;
  getProduct(shop: string, productId: Id): SimProduct | undefined;
  getVariant(shop: string, variantId: Id): SimVariant | undefined;
  getOrder(shop: string, orderId: Id): SimOrder | undefined;
  getOrderTags(shop: string, orderId: Id): string[];
  getInventoryLevels(shop: string, inventoryItemId: Id): Array<SimInventoryLevel & { onHand: number }>;
  getMetafields(ownerGid: string): SimMetafield[];
  getMetafieldDefinitions(shop: string): SimMetafieldDefinition[];
  getBulkOperation(shop: string, id: Id): SimBulkOperation | undefined;
  getDiscounts(shop: string): SimDiscount[];
  listShops(): SimShop[];
  listProducts(shop: string): Array<SimProduct & { variants: SimVariant[] }>;
  listOrders(shop: string): SimOrder[];
}
