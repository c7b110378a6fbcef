import { Prisma } from "@prisma/client";
import type { WebhookContext } from "../webhooks/topic-handler-type.ts";

/** Models holding a tenant's rows, found from the schema so a table added later is not forgotten. */
const SHOP_SCOPED_MODELS = Prisma.dmmf.datamodel.models
  .filter(
    (model) =>
      model.name !== "ShopSettings" && model.fields.some((f) => f.name === "shopId" && f.kind === "scalar"),
  )
  .map((model) => `${model.name.charAt(0).toLowerCase()}${model.name.slice(1)}`);

type DeleteManyDelegate = {
  deleteMany(args: { where: Record<string, unknown> }): Prisma.PrismaPromise<Prisma.BatchPayload>;
};

/**
 * shop/redact (48 h after uninstall): deletes everything the app holds for the shop: every
 * shop-scoped table, its sessions, its recorded webhooks (bodies carry customer data) and the shop
 * row itself, in one transaction. The event being processed is kept so it can be marked done.
 * Idempotent: a replay finds the shop gone and is skipped before reaching here.
 */
export async function redactShop(ctx: WebhookContext): Promise<void> {
  const { db } = ctx.deps;
  const shopId = ctx.shop.id;
  const delegates = db as unknown as Record<string, DeleteManyDelegate>;
  await db.$transaction([
    ...SHOP_SCOPED_MODELS.map((name) => delegates[name]!.deleteMany({ where: { shopId } })),
    db.rateCounter.deleteMany({ where: { key: { contains: shopId } } }),
    db.session.deleteMany({ where: { shop: ctx.shop.domain } }),
    db.webhookEvent.deleteMany({
      where: { shopDomain: ctx.shop.domain, ...(ctx.event ? { id: { not: ctx.event.id } } : {}) },
    }),
    db.shop.deleteMany({ where: { id: shopId } }),
  ]);
  ctx.deps.logger.info({ shopId, shop: ctx.shop.domain }, "shop redacted");
}
