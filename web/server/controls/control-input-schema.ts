import { z } from "zod";

// At least 1: a merchant who wants no backorders at all sets "stop selling" themselves.
const cap = z.number().int().min(1).max(1_000_000).nullable();
const instant = z.iso
  .datetime({ offset: true })
  .nullable()
  .transform((v) => (v === null ? null : new Date(v)));

/** PUT /api/controls/variants/:variantId: any subset; null clears a control. */
export const variantControlBodySchema = z
  .strictObject({
    backorderCap: cap,
    windowStartsAt: instant,
    windowEndsAt: instant,
    windowEtaDays: z.number().int().min(0).max(365).nullable(),
  })
  .partial();

export type VariantControlBody = z.output<typeof variantControlBodySchema>;

export const productCapBodySchema = z.strictObject({ backorderCap: cap });

export const cancelRequestUpdateSchema = z.strictObject({
  status: z.enum(["DONE", "DISMISSED", "REQUESTED"]),
});

export const listQuerySchema = z.object({
  status: z.enum(["REQUESTED", "DONE", "DISMISSED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
