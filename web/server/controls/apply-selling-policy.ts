import { UnrecoverableError } from "bullmq";
import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { VARIANT_POLICY_UPDATE_MUTATION } from "../shopify/admin/documents/control-documents.ts";
import { decideSellingPolicy, type SellingPolicyDecision } from "./decide-selling-policy.ts";
import { loadSellingState } from "./load-selling-state.ts";

export type ApplySellingDeps = { db: Db; client: () => Promise<AdminClient>; now: () => Date };

export type ApplySellingResult = SellingPolicyDecision & { variantId: string };

type UpdateResult = {
  productVariantsBulkUpdate: {
    product: { id: string; updatedAt: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
};

/**
 * Decides and applies one variant's selling policy. A per-variant advisory lock spans the decision,
 * the Admin call and the claim write, so two workers never apply opposite decisions out of order;
 * Variant rows stay unlocked (recompute-variant is never held up by an Admin call).
 */
export async function applySellingPolicy(
  deps: ApplySellingDeps,
  shopId: string,
  variantId: bigint,
): Promise<ApplySellingResult | null> {
  return deps.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`selling:${shopId}:${variantId}`}, 0))`;
      const state = await loadSellingState(tx, shopId, variantId, deps.now());
      if (!state) return null;
      // Untracked variants are never backordered; a deleted one can no longer be switched.
      if (!state.variant.tracked || state.variant.deleted) return null;
      const decision = decideSellingPolicy(state.input);
      const where = { shopId_variantId: { shopId, variantId } };
      const result = { ...decision, variantId: String(variantId) };

      if (decision.action === "none") {
        if (state.claimLost || (state.control?.merchantOverride && decision.blockedBy === null)) {
          // An override lasts while the block does; after it, the rules apply again.
          const merchantOverride = decision.blockedBy !== null;
          await tx.variantControl.update({
            where,
            data: { switchedByApp: false, switchedAt: null, switchReason: null, merchantOverride },
          });
        }
        return result;
      }
      const policy = decision.action === "deny" ? "DENY" : "CONTINUE";
      const client = await deps.client();
      const data = await client.request<UpdateResult>(VARIANT_POLICY_UPDATE_MUTATION, {
        productId: `gid://shopify/Product/${state.variant.productId}`,
        variants: [{ id: `gid://shopify/ProductVariant/${variantId}`, inventoryPolicy: policy }],
      });
      const payload = data.productVariantsBulkUpdate;
      if (payload.userErrors.length > 0) {
        throw new UnrecoverableError(
          `productVariantsBulkUpdate for variant ${variantId}: ${payload.userErrors.map((e) => e.message).join("; ")}`,
        );
      }
      const switchedAt = payload.product ? new Date(payload.product.updatedAt) : deps.now();
      const claim =
        decision.action === "deny"
          ? { switchedByApp: true, switchedAt, switchReason: decision.blockedBy, merchantOverride: false }
          : { switchedByApp: false, switchedAt: null, switchReason: null, merchantOverride: false };
      await tx.variantControl.upsert({ where, create: { shopId, variantId, ...claim }, update: claim });
      // Dated like the products/update echo of this switch: a delayed echo of an earlier switch
      // is then older than the cached row and cannot put the old policy back.
      await tx.variant.update({ where, data: { inventoryPolicy: policy, shopifyUpdatedAt: switchedAt } });
      return result;
    },
    // Long enough for an Admin call that waits out throttling.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
