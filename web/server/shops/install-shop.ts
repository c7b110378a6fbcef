import { RequestedTokenType } from "@shopify/shopify-api";
import { offlineSessionStorage } from "../shopify/sessions/offline-session-storage.ts";
import type { AppDeps } from "../app-deps.ts";
import { startInitialSync } from "../backorders/start-initial-sync.ts";

export type InstalledShop = { id: string; domain: string; installed: boolean };

/**
 * First authenticated request of a shop (or the first after an uninstall): exchange the session
 * token for an offline access token, store the session, create the shop. Webhook subscriptions
 * are declared in shopify.app.toml, so nothing is registered by hand.
 */
export async function ensureShopInstalled(deps: AppDeps, shop: string, sessionToken: string) {
  const existing = await deps.db.shop.findUnique({ where: { domain: shop } });
  const storage = offlineSessionStorage(deps);
  const offlineId = deps.shopify.api.session.getOfflineId(shop);
  if (existing && !existing.uninstalledAt && (await storage.loadSession(offlineId))) {
    // An install whose sync never got enqueued (the queue was away) gets it now; dedupes by job id.
    if (existing.syncStatus === "PENDING") await startInitialSync(deps, existing);
    return { id: existing.id, domain: shop, installed: false } satisfies InstalledShop;
  }
  const { session } = await deps.shopify.api.auth.tokenExchange({
    shop,
    sessionToken,
    requestedTokenType: RequestedTokenType.OfflineAccessToken,
  });
  await storage.storeSession(session);
  const row = await deps.db.shop.upsert({
    where: { domain: shop },
    create: { domain: shop, scopes: session.scope ?? null, settings: { create: {} } },
    update: {
      uninstalledAt: null,
      installedAt: deps.now(),
      scopes: session.scope ?? null,
      syncStatus: "PENDING",
    },
  });
  await deps.db.shopSettings.upsert({ where: { shopId: row.id }, create: { shopId: row.id }, update: {} });
  deps.logger.info({ shop }, "shop installed");
  await startInitialSync(deps, row);
  return { id: row.id, domain: shop, installed: true } satisfies InstalledShop;
}
