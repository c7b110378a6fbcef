import { z } from "zod";
import { isShopifyIdText } from "../shopify-id.ts";

// Header values end up in SMTP headers: a line break would let a merchant-entered value start a new header.
const headerSafe = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\r\n\u2028\u2029]*$/, "must be a single line");

// A Shopify tag: at most 40 characters, no comma (it would split into two tags).
const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,\r\n]*$/, "must be a single tag");

/**
 * Every setting the admin can change, with the ranges that keep the worker sane. PUT accepts any
 * subset (absent keys keep their value); unknown keys are refused so typos do not silently no-op.
 */
export const settingsUpdateSchema = z
  .object({
    countedLocationIds: z.array(z.string().refine(isShopifyIdText, "must be a numeric location id")).max(250),
    restockThreshold: z.number().int().min(0).max(100_000),
    waveMultiplier: z.number().min(0).max(100),
    waveWindowMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    doubleOptIn: z.boolean(),
    keepSubscribed: z.boolean(),
    attributionWindowDays: z.number().int().min(1).max(90),
    senderName: headerSafe(100)
      .nullable()
      .transform((v) => (v ? v : null)),
    replyTo: z.union([z.email().max(254), z.literal(""), z.null()]).transform((v) => (v ? v : null)),
    senderEmail: z
      .union([z.email().max(254), z.literal(""), z.null()])
      .transform((v) => (v ? v.toLowerCase() : null)),
    sendRatePerSecond: z.number().int().min(1).max(100),
    // Shopify order tags: at most 40 characters, and a comma would split it into two tags.
    orderTag: headerSafe(40)
      .min(1)
      .regex(/^[^,]*$/, "must not contain a comma"),
    defaultLeadTimeDays: z.number().int().min(0).max(365).nullable(),
    emailBackorderConfirmation: z.boolean(),
    emailEtaChanged: z.boolean(),
    emailBackorderReady: z.boolean(),
    // Merchant controls (web/server/controls/).
    defaultBackorderCap: z.number().int().min(1).max(1_000_000).nullable(),
    priorityEnabled: z.boolean(),
    priorityCustomerTags: z.array(tag).max(50),
    priorityOrderTags: z.array(tag).max(50),
    discountEnabled: z.boolean(),
    discountType: z.enum(["percentage", "amount"]),
    // A percentage (1-100) or an amount in the shop's currency.
    discountValue: z.number().positive().max(100_000),
    discountExpiryDays: z.number().int().min(1).max(365),
    alternativesEnabled: z.boolean(),
    alternativeProductIds: z
      .array(z.string().refine(isShopifyIdText, "must be a numeric product id"))
      .max(20),
    cancelLinkEnabled: z.boolean(),
    // Order reconciliation (web/server/reconcile/): minutes between two runs.
    orderReconcileMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    // Days a processed webhook body is kept before it is blanked (docs/privacy.md).
    webhookBodyRetentionDays: z.number().int().min(1).max(30),
    // Alert expiry and renewal (docs/shoppers.md): longer than the week the renewal email comes before.
    alertExpiryDays: z.number().int().min(14).max(730),
    renewalEmailEnabled: z.boolean(),
    // Hours after a restock email before the one reminder; null turns reminders off.
    reminderAfterHours: z
      .number()
      .int()
      .min(1)
      .max(14 * 24)
      .nullable(),
  })
  .partial()
  .strict();

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const SETTINGS_FIELDS = [
  "countedLocationIds",
  "restockThreshold",
  "waveMultiplier",
  "waveWindowMinutes",
  "doubleOptIn",
  "keepSubscribed",
  "attributionWindowDays",
  "senderName",
  "replyTo",
  "senderEmail",
  "sendRatePerSecond",
  "orderTag",
  "defaultLeadTimeDays",
  "emailBackorderConfirmation",
  "emailEtaChanged",
  "emailBackorderReady",
  "defaultBackorderCap",
  "priorityEnabled",
  "priorityCustomerTags",
  "priorityOrderTags",
  "discountEnabled",
  "discountType",
  "discountValue",
  "discountExpiryDays",
  "alternativesEnabled",
  "alternativeProductIds",
  "cancelLinkEnabled",
  "orderReconcileMinutes",
  "webhookBodyRetentionDays",
  "alertExpiryDays",
  "renewalEmailEnabled",
  "reminderAfterHours",
] as const;
