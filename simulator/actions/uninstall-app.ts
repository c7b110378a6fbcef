import { shopPayload } from "../payloads/shop-payload.ts";
import type { SimCore } from "../sim-core.ts";
import { emitEvents, isCompliance } from "../sim-core.ts";
import { requireShop } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";

/** Marks the app uninstalled (the caller revokes tokens) and sends app/uninstalled. */
export function uninstallApp(core: SimCore, shopDomain: string): void {
  const shop = requireShop(core.store, shopDomain);
  shop.installed = false;
  emitEvents(core, shopDomain, [
    { topic: "app/uninstalled", payload: shopPayload(shop, shop.locationIds[0] ?? null) },
  ]);
}

/** Sends customers/data_request, customers/redact or shop/redact; shop fields are filled in. */
export function sendComplianceWebhook(
  core: SimCore,
  topic: string,
  shopDomain: string,
  payload: Record<string, unknown> = {},
): void {
  if (!isCompliance(topic)) throw new SimError(`${topic} is not a compliance topic`);
  const shop = requireShop(core.store, shopDomain);
  emitEvents(core, shopDomain, [
    { topic, payload: { shop_id: shop.id, shop_domain: shop.domain, ...payload } },
  ]);
}
