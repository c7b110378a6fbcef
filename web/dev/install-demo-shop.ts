import type { Logger } from "../server/logger.ts";
import type { Simulator } from "../../simulator/simulator-types.ts";

export const DEMO_SHOP = "demo-shop.myshopify.com";

/**
 * Opens the app as the Shopify admin would on first load: a session token on /api/shop. On the
 * first run that installs the shop (token exchange, Shop row, initial sync); later it is a no-op.
 */
export async function installDemoShop(input: { sim: Simulator; appUrl: string; shop: string }) {
  const token = await input.sim.mintSessionToken({ shop: input.shop });
  const res = await fetch(`${input.appUrl}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await res.text();
  if (!res.ok)
    throw new Error(`installing ${input.shop} in the app failed: HTTP ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as { shop: { domain: string; syncStatus?: string } };
}

// Sold-out variants that keep selling (policy CONTINUE) get merchant ETAs, so the storefront,
// checkout and emails have dates to show; one backorderable variant is left without.
const DEMO_ETAS: Array<{ sku: string; days: number; message: string | null }> = [
  { sku: "HOM-LIN-01", days: 21, message: "Handwoven to order in small batches" },
  { sku: "KIT-CST-10", days: 10, message: null },
  { sku: "TEE-ORG-L", days: 14, message: null },
  { sku: "TEE-ORG-XL", days: 14, message: null },
  { sku: "JKT-WAX-XL", days: 30, message: "New wax batch arriving" },
];

/**
 * Sets the demo ETAs through the app's own API once its initial sync knows the variants (the
 * API answers 404 for a variant it has not synced yet). Gives up after `timeoutMs`.
 */
export async function setDemoEtas(input: {
  sim: Simulator;
  appUrl: string;
  shop: string;
  logger: Logger;
  now: Date;
  timeoutMs?: number;
}): Promise<boolean> {
  const bySku = new Map(
    input.sim.listProducts(input.shop).flatMap((p) => p.variants.map((v) => [v.sku ?? "", v.id] as const)),
  );
  const deadline = Date.now() + (input.timeoutMs ?? 120_000);
  for (const eta of DEMO_ETAS) {
    const variantId = bySku.get(eta.sku);
    if (variantId === undefined) continue;
    const date = new Date(input.now.getTime() + eta.days * 86_400_000).toISOString().slice(0, 10);
    for (;;) {
      const token = await input.sim.mintSessionToken({ shop: input.shop });
      const res = await fetch(`${input.appUrl}/api/etas/${variantId}`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ eta: date, message: eta.message }),
      });
      if (res.ok) break;
      if (res.status !== 404 || Date.now() > deadline) {
        input.logger.warn({ sku: eta.sku, status: res.status }, "could not set the demo ETA");
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  input.logger.info({ count: DEMO_ETAS.length }, "demo ETAs set");
  return true;
}
