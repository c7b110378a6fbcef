import { z } from "zod";
import { toBigInt } from "../shopify-id.ts";
import type { Db } from "../db/create-prisma.ts";

const payloadSchema = z.object({
  id: z.unknown(),
  updated_at: z.string().transform((v) => new Date(v)),
  variants: z.array(z.object({ id: z.unknown(), inventory_policy: z.string().nullish() })),
});

/**
 * products/update: a variant the app holds at DENY that Shopify now reports as selling, in an
 * update newer than the app's switch, was re-enabled by the merchant. The app drops its claim and
 * stands back until the block ends (merchantOverride). Updates not newer than the switch are the
 * switch's own echo or older news, and change nothing. Returns the variants released.
 */
export async function releaseOverriddenClaims(db: Db, shopId: string, payload: unknown): Promise<bigint[]> {
  const product = payloadSchema.parse(payload);
  const selling = product.variants
    .filter((v) => v.inventory_policy?.toUpperCase() === "CONTINUE")
    .map((v) => toBigInt(v.id))
    .filter((id): id is bigint => id !== null);
  if (selling.length === 0) return [];
  const claims = await db.variantControl.findMany({
    where: { shopId, variantId: { in: selling }, switchedByApp: true },
    select: { variantId: true, switchedAt: true },
  });
  const released: bigint[] = [];
  for (const claim of claims) {
    if (claim.switchedAt && product.updated_at <= claim.switchedAt) continue;
    // Conditional on the claim still being the one read: a switch made meanwhile stays.
    const { count } = await db.variantControl.updateMany({
      where: { shopId, variantId: claim.variantId, switchedByApp: true, switchedAt: claim.switchedAt },
      data: { switchedByApp: false, switchedAt: null, switchReason: null, merchantOverride: true },
    });
    if (count > 0) released.push(claim.variantId);
  }
  return released;
}
