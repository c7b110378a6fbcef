import crypto from "node:crypto";
import type { Server } from "node:http";
import { cancelOrder } from "./actions/cancel-order.ts";
import { adjustInventory, setInventory } from "./actions/change-inventory.ts";
import { postSignedToApp } from "./flow/call-flow.ts";
import { createProduct } from "./actions/create-product.ts";
import { createShop } from "./actions/create-shop.ts";
import { fulfillOrder } from "./actions/fulfill-order.ts";
import { placeOrder } from "./actions/place-order.ts";
import { sendComplianceWebhook, uninstallApp } from "./actions/uninstall-app.ts";
import { deleteProduct, updateProduct } from "./actions/update-product.ts";
import { createAccessTokens } from "./auth/access-tokens.ts";
import { mintSessionToken } from "./auth/mint-session-token.ts";
import { DEFAULT_SCOPES, WEBHOOK_TIMEOUT_MS } from "./constants.ts";
import { createGraphqlService } from "./graphql/create-graphql-service.ts";
import { loadAdminSchema } from "./graphql/load-schema.ts";
import { createMetafieldDefinition } from "./graphql/mutations/metafield-definition-create.ts";
import { createHttpApp } from "./http/create-http-app.ts";
import { installIdCounter, restoreStore, snapshotStore } from "./persist-state.ts";
import type { SimCore } from "./sim-core.ts";
import type { Simulator, SimulatorOptions } from "./simulator-types.ts";
import { createStateReaders } from "./state-readers.ts";
import { createStore } from "./store/create-store.ts";
import { requireShop } from "./store/lookups.ts";
import { SimError } from "./store/sim-error.ts";
import { createTwilioFake } from "./twilio/twilio-fake.ts";
import { createWebhookSender } from "./webhooks/create-webhook-sender.ts";

export type { Simulator, SimulatorOptions } from "./simulator-types.ts";

/** Starts a Shopify simulator on 127.0.0.1 (random port by default). */
export async function createSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const store = createStore();
  const peekNextId = installIdCounter(store, opts.state?.nextId);
  if (opts.state) restoreStore(store, opts.state);
  let appUrl = opts.appUrl?.replace(/\/+$/, "");
  let origin = "";
  const webhooks = createWebhookSender({
    apiSecret: opts.apiSecret,
    retry: opts.webhookRetry ?? { attempts: 8, baseDelayMs: 200 },
    timeoutMs: opts.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS,
    getAppUrl: () => appUrl,
  });
  const core: SimCore = {
    store,
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    appId: opts.state?.appId ?? store.nextId(),
    now: opts.now ?? (() => new Date()),
    webhooks,
    topics: opts.webhookTopics ? new Set(opts.webhookTopics) : null,
    origin: () => origin,
    schema: loadAdminSchema(),
  };
  const tokens = createAccessTokens();
  if (opts.state) tokens.restore(opts.state.accessTokens);
  const graphql = createGraphqlService({
    core,
    tokens,
    bucket: opts.bucket ?? { maximumAvailable: 1000, restoreRate: 100 },
  });
  // Results are clones so callers cannot mutate the simulator's state behind its back.
  const copy = structuredClone;
  const twilio = createTwilioFake(core.now);

  const sim: Simulator = {
    get origin() {
      return origin;
    },
    apiKey: opts.apiKey,
    appId: core.appId,
    close: async () => {
      webhooks.close();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
    setAppUrl(url) {
      appUrl = url.replace(/\/+$/, "");
      if (!webhooks.isPaused()) webhooks.flush();
    },
    setBucket: (shop, settings) => graphql.setBucket(shop, settings),
    createShop: (input) => copy(createShop(core, input)),
    createProduct: (shop, input) => copy(createProduct(core, shop, input)),
    updateProduct: (shop, id, input) => copy(updateProduct(core, shop, id, input)),
    deleteProduct: (shop, id) => deleteProduct(core, shop, id),
    placeOrder: (shop, input) => copy(placeOrder(core, shop, input)),
    fulfillOrder: (shop, id, lines) => copy(fulfillOrder(core, shop, id, lines)),
    cancelOrder: (shop, id, input) => copy(cancelOrder(core, shop, id, input)),
    setInventory: (shop, item, location, available) =>
      copy(setInventory(core, shop, item, location, available)),
    adjustInventory: (shop, item, location, delta) =>
      copy(adjustInventory(core, shop, item, location, delta)),
    uninstallApp(shop) {
      tokens.revokeShop(shop);
      uninstallApp(core, shop);
    },
    sendComplianceWebhook: (topic, shop, payload) => sendComplianceWebhook(core, topic, shop, payload),
    getFlowTriggers: (shop) =>
      copy(store.flowTriggers.filter((t) => t.shopDomain === shop).map(({ shopDomain: _s, ...t }) => t)),
    callFlowAction: (url, input) =>
      postSignedToApp(
        url,
        {
          shop_id: Number(requireShop(store, input.shop).id),
          shopify_domain: input.shop,
          action_run_id: crypto.randomUUID(),
          handle: input.handle,
          properties: input.properties,
        },
        opts.apiSecret,
      ),
    sendFlowLifecycle: (url, input) =>
      postSignedToApp(
        url,
        {
          flow_trigger_definition_id: input.handle,
          has_enabled_flow: input.enabled,
          shop_id: Number(requireShop(store, input.shop).id),
          shopify_domain: input.shop,
          timestamp: (input.at ?? core.now()).toISOString(),
        },
        opts.apiSecret,
      ),
    createMetafieldDefinition(shop, input) {
      requireShop(store, shop);
      const { definition, userErrors } = createMetafieldDefinition(core, shop, input);
      if (!definition) throw new SimError(userErrors.map((e) => e.message).join("; "), 422);
      return copy(definition);
    },
    issueAccessToken(shop) {
      requireShop(store, shop).installed = true;
      return tokens.issue({ shop, scope: DEFAULT_SCOPES, online: false, userId: null, expiresAt: null })
        .token;
    },
    mintSessionToken: (input) =>
      mintSessionToken({
        ...input,
        sub: input.sub ?? store.shops.get(input.shop)?.ownerStaffId.toString(),
        apiKey: input.apiKey ?? opts.apiKey,
        secret: input.secret ?? opts.apiSecret,
        now: core.now(),
      }),
    deliveries: webhooks.attempts,
    waitForDeliveries: () => webhooks.waitForDeliveries(),
    webhooks: {
      pause: () => webhooks.pause(),
      resume: () => webhooks.resume(),
      flush: (options) => webhooks.flush(options),
      redeliver: (id) => webhooks.redeliver(id),
      queued: () => webhooks.queued(),
      drop: (rule) => webhooks.drop(rule),
      clearDropRules: () => webhooks.clearDropRules(),
      dropRules: () => webhooks.dropRules(),
      dropped: () => webhooks.dropped(),
      deliverLate: (id) => webhooks.deliverLate(id),
    },
    graphqlLog: graphql.log,
    twilio,
    exportState: () =>
      snapshotStore(store, { appId: core.appId, nextId: peekNextId(), accessTokens: tokens.list() }),
    ...createStateReaders(core),
  };

  const server: Server = createHttpApp({
    core,
    tokens,
    graphql,
    sim,
    onChange: opts.onChange,
    routes: opts.routes?.(sim),
  }).listen(opts.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : opts.port}`;
  return sim;
}
