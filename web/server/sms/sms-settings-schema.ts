import { z } from "zod";
import { normalizePhone } from "./phone-number.ts";

const minuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 - 1)
  .nullable();

/** PUT /api/sms-settings: any subset; unknown keys refused. */
export const smsSettingsUpdateSchema = z
  .object({
    enabled: z.boolean(),
    signupChannels: z.enum(["email", "phone", "both"]),
    consentText: z.string().trim().min(10).max(500),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, "must be an Account SID (AC followed by 32 hex digits)")
      .nullable(),
    authToken: z.string().trim().min(8).max(200).nullable(),
    fromNumber: z
      .string()
      .nullable()
      .transform((v, ctx) => {
        if (v === null || v.trim() === "") return null;
        return (
          normalizePhone(v, null) ??
          (ctx.addIssue({ code: "custom", message: "must be an E.164 number" }), z.NEVER)
        );
      }),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^MG[0-9a-fA-F]{32}$/, "must be a Messaging Service SID (MG followed by 32 hex digits)")
      .nullable(),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .nullable(),
    quietStartMinute: minuteOfDay,
    quietEndMinute: minuteOfDay,
  })
  .partial()
  .strict()
  .refine((v) => (v.quietStartMinute === undefined) === (v.quietEndMinute === undefined), {
    message: "quietStartMinute and quietEndMinute are set together",
    path: ["quietEndMinute"],
  });
