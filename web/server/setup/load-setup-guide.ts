import type { Db } from "../db/create-prisma.ts";
import { etaFilterConditions } from "../etas/eta-list-filters.ts";
import { loadEtaShopContext } from "../etas/eta-shop-context.ts";
import { countEtaRows } from "../etas/query-eta-rows.ts";
import { decideSetupGuide, MANUAL_STEPS, type ManualStep, type SetupGuideView } from "./setup-guide-steps.ts";

export type { SetupGuideView };

/** The shop's setup guide as the dashboard shows it. */
export async function loadSetupGuide(
  db: Db,
  shopId: string,
  apiKey: string,
  now: Date,
): Promise<SetupGuideView> {
  const [shop, settings, ctx] = await Promise.all([
    db.shop.findUniqueOrThrow({
      where: { id: shopId },
      select: {
        domain: true,
        setupStepsDone: true,
        setupDismissedAt: true,
        syncStatus: true,
        syncStored: true,
        syncTotal: true,
      },
    }),
    db.shopSettings.findUnique({ where: { shopId }, select: { senderName: true, replyTo: true } }),
    loadEtaShopContext(db, shopId),
  ]);
  const variantsWithoutEta = await countEtaRows(db, shopId, etaFilterConditions("no_eta", ctx, now));
  return decideSetupGuide({
    shopDomain: shop.domain,
    apiKey,
    stepsDone: shop.setupStepsDone,
    dismissed: shop.setupDismissedAt !== null,
    variantsWithoutEta,
    senderName: settings?.senderName ?? null,
    replyTo: settings?.replyTo ?? null,
    syncStatus: shop.syncStatus,
    syncStored: shop.syncStored,
    syncTotal: shop.syncTotal,
  });
}

/** Ticks or unticks a manual step, and dismisses or reopens the guide; idempotent. */
export async function updateSetupGuide(
  db: Db,
  shopId: string,
  change: { step?: { id: ManualStep; done: boolean }; dismissed?: boolean },
  now: Date,
): Promise<void> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { setupStepsDone: true } });
  const done = new Set(shop.setupStepsDone.filter((s) => (MANUAL_STEPS as readonly string[]).includes(s)));
  if (change.step) {
    if (change.step.done) done.add(change.step.id);
    else done.delete(change.step.id);
  }
  await db.shop.update({
    where: { id: shopId },
    data: {
      setupStepsDone: [...done].sort(),
      ...(change.dismissed === undefined ? {} : { setupDismissedAt: change.dismissed ? now : null }),
    },
  });
}
