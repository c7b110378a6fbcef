import type { Prisma, VariantControl } from "@prisma/client";
import { loadVariantEtaResolver } from "../backorders/resolve-variant-eta.ts";
import type { SellingPolicy, SellingPolicyInput, SellingWindow } from "./decide-selling-policy.ts";

export type SellingState = {
  variant: { variantId: bigint; productId: bigint; tracked: boolean; deleted: boolean };
  control: VariantControl | null;
  /** The cached variant shows the merchant re-enabled selling after the app's switch. */
  claimLost: boolean;
  input: SellingPolicyInput;
};

/**
 * Everything decideSellingPolicy needs for one variant, read inside the caller's transaction. The
 * cap is the variant's, else its product's, else the shop's. While the app holds its claim, the
 * variant is taken to be DENY whatever a late webhook wrote to the cached row: only a products/
 * update newer than the switch (see release-overridden-claims.ts) can say the merchant changed it.
 */
export async function loadSellingState(
  tx: Prisma.TransactionClient,
  shopId: string,
  variantId: bigint,
  now: Date,
): Promise<SellingState | null> {
  const variant = await tx.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } });
  if (!variant) return null;
  const [control, product, settings] = await Promise.all([
    tx.variantControl.findUnique({ where: { shopId_variantId: { shopId, variantId } } }),
    tx.product.findUnique({
      where: { shopId_productId: { shopId, productId: variant.productId } },
      select: { defaultBackorderCap: true },
    }),
    tx.shopSettings.findUnique({
      where: { shopId },
      select: { defaultBackorderCap: true, defaultLeadTimeDays: true },
    }),
  ]);
  const window = toWindow(control);
  const eta =
    window?.etaWithinDays != null
      ? (await loadVariantEtaResolver(tx, shopId, variant, settings?.defaultLeadTimeDays ?? null))(now)
      : null;
  const cachedPolicy: SellingPolicy = variant.inventoryPolicy === "CONTINUE" ? "CONTINUE" : "DENY";
  // Backs up release-overridden-claims: the cached row is dated by the products/update it came from.
  const claimLost =
    control?.switchedByApp === true &&
    cachedPolicy === "CONTINUE" &&
    control.switchedAt !== null &&
    variant.shopifyUpdatedAt !== null &&
    variant.shopifyUpdatedAt > control.switchedAt;
  const switchedByApp = (control?.switchedByApp ?? false) && !claimLost;
  return {
    variant: {
      variantId,
      productId: variant.productId,
      tracked: variant.tracked,
      deleted: variant.deletedAt !== null,
    },
    control,
    claimLost,
    input: {
      cap: control?.backorderCap ?? product?.defaultBackorderCap ?? settings?.defaultBackorderCap ?? null,
      openBackorderedUnits: Math.max(0, -variant.available),
      window,
      eta,
      now,
      currentPolicy: switchedByApp ? "DENY" : cachedPolicy,
      switchedByApp,
      merchantOverride: claimLost || (control?.merchantOverride ?? false),
    },
  };
}

function toWindow(control: VariantControl | null): SellingWindow | null {
  if (!control) return null;
  const { windowStartsAt, windowEndsAt, windowEtaDays } = control;
  if (!windowStartsAt && !windowEndsAt && windowEtaDays === null) return null;
  return { startsAt: windowStartsAt, endsAt: windowEndsAt, etaWithinDays: windowEtaDays };
}
