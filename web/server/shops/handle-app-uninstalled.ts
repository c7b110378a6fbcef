import type { WebhookContext } from "../webhooks/topic-handler-type.ts";

/**
 * app/uninstalled: sessions go, the shop is marked uninstalled, and every job of the shop stops
 * (handlers check uninstalledAt). Data stays until shop/redact (48 h later) in case of a reinstall.
 * A late or repeated delivery triggered before the latest install changes nothing.
 */
export async function handleAppUninstalled({ deps, shop, event }: WebhookContext): Promise<void> {
  const at = event ? (event.triggeredAt ?? event.receivedAt) : deps.now();
  if (at < shop.installedAt) {
    deps.logger.info({ shop: shop.domain }, "app/uninstalled older than the latest install; ignored");
    return;
  }
  await deps.db.$transaction([
    deps.db.session.deleteMany({ where: { shop: shop.domain } }),
    deps.db.shop.update({ where: { id: shop.id }, data: { uninstalledAt: shop.uninstalledAt ?? at } }),
    deps.db.notification.updateMany({
      where: { shopId: shop.id, status: { in: ["PENDING", "FAILED"] } },
      data: { status: "SUPPRESSED", lastError: "shop uninstalled" },
    }),
  ]);
  deps.logger.info({ shop: shop.domain }, "shop uninstalled");
}
