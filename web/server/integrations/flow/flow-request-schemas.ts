import { z } from "zod";
import { isValidIsoDate } from "../../etas/resolve-eta.ts";
import { isShopifyIdText } from "../../shopify-id.ts";

/** Flow's trigger lifecycle callback body (docs/integrations.md). */
export const lifecycleSchema = z.object({
  flow_trigger_definition_id: z.string().min(1).max(200),
  has_enabled_flow: z.boolean(),
  shopify_domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  timestamp: z.iso.datetime({ offset: true }),
});

const variantId = z
  .string()
  .trim()
  .transform((v) => v.replace(/^gid:\/\/shopify\/ProductVariant\//, ""))
  .refine(isShopifyIdText, "must be a variant id");

/** The Set variant ETA action's request: the action's fields arrive in `properties` by key. */
export const setVariantEtaSchema = z.object({
  shopify_domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  action_run_id: z.string().max(200).optional(),
  properties: z.object({
    "Variant ID": variantId,
    ETA: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isValidIsoDate(v), "must be a date (YYYY-MM-DD)"),
    Message: z
      .string()
      .max(500)
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : null)),
  }),
});
