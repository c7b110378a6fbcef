import { z } from "zod";
import { shopifyIdSchema } from "../shopify-id.ts";
import { isValidIsoDate } from "./resolve-eta.ts";

export const MESSAGE_MAX_LENGTH = 255;
export const BULK_MAX_VARIANTS = 1_000;

const etaDate = z.string().refine(isValidIsoDate, "must be a calendar date as YYYY-MM-DD").nullable();

// A single_line_text_field metafield: one line; blank means no message.
const message = z
  .string()
  .trim()
  .max(MESSAGE_MAX_LENGTH)
  .regex(/^[^\r\n\u2028\u2029]*$/, "must be a single line")
  .nullable()
  .transform((v) => (v ? v : null));

export const setEtaBodySchema = z.strictObject({ eta: etaDate, message: message.optional() });

export const bulkEtaBodySchema = z.strictObject({
  variantIds: z.array(shopifyIdSchema).min(1).max(BULK_MAX_VARIANTS),
  eta: etaDate,
  message: message.optional(),
});

export const leadTimeBodySchema = z.strictObject({
  leadTimeDays: z.number().int().min(0).max(365).nullable(),
});

export const importBodySchema = z.strictObject({ csv: z.string().max(5_000_000) });
