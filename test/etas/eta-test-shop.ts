import type { CreateVariantInput } from "../../simulator/actions/create-product.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";

export type VariantSeed = Omit<CreateVariantInput, "price" | "inventory"> & {
  available: number;
  price?: string;
};

/** A simulated shop installed in a test app, so the API (session tokens) and the Admin API work. */
export type EtaTestShop = {
  sim: Simulator;
  app: TestApp;
  domain: string;
  shopId: string;
  api: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
  /** Creates the product on the simulator and mirrors it into the app's tables (as the backorder sync would). */
  addProduct: (
    title: string,
    variants: VariantSeed[],
    leadTimeDays?: number | null,
  ) => Promise<{ productId: bigint; variantIds: bigint[] }>;
  close: () => Promise<void>;
};

export async function startEtaTestShop(name: string, env: Record<string, string> = {}): Promise<EtaTestShop> {
  const sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    webhookRetry: { attempts: 1, baseDelayMs: 10 },
  });
  const app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin, ...env } });
  // No setAppUrl: webhooks stay queued in the simulator; these tests own the app's variant tables.
  const domain = sim.createShop({ name, ianaTimezone: "UTC" }).domain;
  const api: EtaTestShop["api"] = async (path, init = {}) => {
    const token = await sim.mintSessionToken({ shop: domain });
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    return fetch(`${app.url}/api${path}`, { ...init, headers, body });
  };
  const installed = await api("/shop");
  if (installed.status !== 200) throw new Error(`install failed: ${installed.status}`);
  const shop = await app.deps.db.shop.update({ where: { domain }, data: { timezone: "UTC" } });

  const addProduct: EtaTestShop["addProduct"] = async (title, variants, leadTimeDays = null) => {
    const created = sim.createProduct(domain, {
      title,
      variants: variants.map((v) => ({
        ...v,
        price: v.price ?? "10.00",
        inventory: Math.max(0, v.available),
      })),
    });
    const productId = created.product.id;
    await app.deps.db.product.create({
      data: {
        shopId: shop.id,
        productId,
        title,
        handle: created.product.handle,
        defaultLeadTimeDays: leadTimeDays,
      },
    });
    await app.deps.db.variant.createMany({
      data: created.variants.map((v, i) => ({
        shopId: shop.id,
        variantId: v.id,
        productId,
        inventoryItemId: v.inventoryItemId,
        title: v.title,
        sku: v.sku,
        inventoryPolicy: v.inventoryPolicy,
        tracked: variants[i]!.tracked ?? true,
        available: variants[i]!.available,
      })),
    });
    return { productId, variantIds: created.variants.map((v) => v.id) };
  };

  return {
    sim,
    app,
    domain,
    shopId: shop.id,
    api,
    addProduct,
    close: async () => {
      await app.close();
      await sim.close();
    },
  };
}

/** Jobs of one name waiting (delayed or not) on a queue. */
export async function queuedJobs(app: TestApp, queue: "events" | "shopify", name: string) {
  const jobs = await app.deps.queues.get(queue).getJobs(["delayed", "waiting", "prioritized"]);
  return jobs.filter((j) => j.name === name);
}
