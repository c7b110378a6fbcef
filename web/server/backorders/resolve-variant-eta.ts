import type { Prisma } from "@prisma/client";
import { resolveEta } from "../etas/resolve-eta.ts";
import { validTimezone } from "../etas/timezone-formats.ts";

/**
 * The ETA a new backorder line records, as a function of when its order was placed (a lead time
 * counts from the order). Reads the variant's explicit ETA, the product's and the shop's lead time
 * once per recompute.
 */
export async function loadVariantEtaResolver(
  tx: Prisma.TransactionClient,
  shopId: string,
  variant: { variantId: bigint; productId: bigint },
  shopLeadTimeDays: number | null,
): Promise<(at: Date) => Date | null> {
  const [eta, product, shop] = await Promise.all([
    tx.variantEta.findUnique({ where: { shopId_variantId: { shopId, variantId: variant.variantId } } }),
    tx.product.findUnique({
      where: { shopId_productId: { shopId, productId: variant.productId } },
      select: { defaultLeadTimeDays: true },
    }),
    tx.shop.findUnique({ where: { id: shopId }, select: { timezone: true } }),
  ]);
  const timezone = validTimezone(shop?.timezone);
  return (at: Date) => {
    const resolved = resolveEta({
      variantEta: eta
        ? { etaDate: eta.etaDate ? eta.etaDate.toISOString().slice(0, 10) : null, message: eta.message }
        : null,
      productLeadTimeDays: product?.defaultLeadTimeDays ?? null,
      shopLeadTimeDays,
      now: at,
      timezone,
    });
    return resolved.eta ? new Date(`${resolved.eta}T00:00:00Z`) : null;
  };
}
