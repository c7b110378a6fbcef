import type { Queues } from "../queues/create-queues.ts";
import { SWEEP_SELLING_CONTROLS_EVERY_MS } from "../queues/definitions/sweep-selling-controls.ts";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import type { VariantControlBody } from "./control-input-schema.ts";
import { nextWindowEdge } from "./decide-selling-policy.ts";
import { enqueueSellingPolicy } from "./enqueue-selling-policy.ts";
import { ownFieldError } from "../own-field-errors.ts";

export type VariantControlView = {
  variantId: string;
  backorderCap: number | null;
  /** The cap in force: the variant's, else its product's, else the shop's. */
  effectiveCap: number | null;
  windowStartsAt: string | null;
  windowEndsAt: string | null;
  windowEtaDays: number | null;
  /** The app set "stop selling when out of stock", and why (cap | window). */
  switchedByApp: boolean;
  switchReason: string | null;
  merchantOverride: boolean;
  inventoryPolicy: string;
  backorderedUnits: number;
};

export async function loadVariantControl(
  db: Db,
  shopId: string,
  variantId: bigint,
): Promise<VariantControlView> {
  const variant = await db.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } });
  if (!variant || variant.deletedAt) throw new AppError("not_found", "Unknown variant");
  const [control, product, settings] = await Promise.all([
    db.variantControl.findUnique({ where: { shopId_variantId: { shopId, variantId } } }),
    db.product.findUnique({ where: { shopId_productId: { shopId, productId: variant.productId } } }),
    db.shopSettings.findUnique({ where: { shopId } }),
  ]);
  const backorderCap = control?.backorderCap ?? null;
  return {
    variantId: String(variantId),
    backorderCap,
    effectiveCap: backorderCap ?? product?.defaultBackorderCap ?? settings?.defaultBackorderCap ?? null,
    windowStartsAt: control?.windowStartsAt?.toISOString() ?? null,
    windowEndsAt: control?.windowEndsAt?.toISOString() ?? null,
    windowEtaDays: control?.windowEtaDays ?? null,
    switchedByApp: control?.switchedByApp ?? false,
    switchReason: control?.switchReason ?? null,
    merchantOverride: control?.merchantOverride ?? false,
    inventoryPolicy: variant.inventoryPolicy,
    backorderedUnits: Math.max(0, -variant.available),
  };
}

/** Saves the merchant's controls and has the policy re-decided now (and at the window's next edge). */
export async function saveVariantControl(
  deps: { db: Db; queues: Queues },
  shopId: string,
  variantId: bigint,
  body: VariantControlBody,
  now: Date,
): Promise<VariantControlView> {
  const current = await loadVariantControl(deps.db, shopId, variantId); // 404 before writing
  const startsAt = body.windowStartsAt !== undefined ? body.windowStartsAt : current.windowStartsAt;
  const endsAt = body.windowEndsAt !== undefined ? body.windowEndsAt : current.windowEndsAt;
  if (startsAt && endsAt && new Date(startsAt) >= new Date(endsAt)) {
    throw ownFieldError("Invalid window", "windowEndsAt", (w) => w.timeAfterStart);
  }
  const where = { shopId_variantId: { shopId, variantId } };
  const saved = await deps.db.variantControl.upsert({
    where,
    create: { shopId, variantId, ...body },
    update: body,
  });
  await enqueueSellingPolicy(deps.queues, shopId, [variantId]);
  // Edges further out are scheduled by the periodic sweep as they come near.
  const edge = nextWindowEdge(
    { startsAt: saved.windowStartsAt, endsAt: saved.windowEndsAt, etaWithinDays: null },
    now,
  );
  if (edge && edge.getTime() - now.getTime() <= SWEEP_SELLING_CONTROLS_EVERY_MS)
    await enqueueSellingPolicy(deps.queues, shopId, [variantId], { at: edge, now });
  return loadVariantControl(deps.db, shopId, variantId);
}

/** A product's default cap; its variants are re-decided. */
export async function saveProductCap(
  deps: { db: Db; queues: Queues },
  shopId: string,
  productId: bigint,
  backorderCap: number | null,
): Promise<{ productId: string; backorderCap: number | null }> {
  const { count } = await deps.db.product.updateMany({
    where: { shopId, productId, deletedAt: null },
    data: { defaultBackorderCap: backorderCap },
  });
  if (count === 0) throw new AppError("not_found", "Unknown product");
  const variants = await deps.db.variant.findMany({
    where: { shopId, productId, deletedAt: null },
    select: { variantId: true },
  });
  await enqueueSellingPolicy(
    deps.queues,
    shopId,
    variants.map((v) => v.variantId),
  );
  return { productId: String(productId), backorderCap };
}

/** After the shop-wide cap changed (settings): every backordered or app-held variant is re-decided. */
export async function recheckShopVariants(deps: { db: Db; queues: Queues }, shopId: string): Promise<number> {
  const [backordered, held] = await Promise.all([
    deps.db.variant.findMany({
      where: { shopId, deletedAt: null, available: { lt: 0 } },
      select: { variantId: true },
    }),
    deps.db.variantControl.findMany({ where: { shopId, switchedByApp: true }, select: { variantId: true } }),
  ]);
  const ids = [...backordered, ...held].map((v) => v.variantId);
  await enqueueSellingPolicy(deps.queues, shopId, ids);
  return new Set(ids).size;
}
