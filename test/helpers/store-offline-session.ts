import { Session } from "@shopify/shopify-api";
import { offlineSessionStorage } from "../../web/server/shopify/sessions/offline-session-storage.ts";
import type { TestApp } from "./start-test-app.ts";

/** The offline session an install would have stored for `shop`: the app's Admin API credentials. */
export async function storeOfflineSession(app: TestApp, shop: string, accessToken: string): Promise<void> {
  await offlineSessionStorage(app.deps).storeSession(
    new Session({
      id: app.deps.shopify.api.session.getOfflineId(shop),
      shop,
      state: "test",
      isOnline: false,
      accessToken,
      scope: app.config.scopes.join(","),
    }),
  );
}
