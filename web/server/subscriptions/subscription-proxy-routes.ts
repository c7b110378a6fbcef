import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { checkSignupRateLimit } from "./check-signup-rate-limit.ts";
import { createSubscription } from "./create-subscription.ts";
import { normalizeEmail } from "./normalize-email.ts";

const bodySchema = z.object({
  email: z
    .string()
    .max(320)
    .transform(
      (v, ctx) => normalizeEmail(v) ?? (ctx.addIssue({ code: "custom", message: "invalid email" }), z.NEVER),
    ),
  // Strings keep 64-bit ids exact; a JSON number is only accepted while it is exact.
  variant_id: z.union([
    shopifyIdSchema,
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String),
  ]),
  locale: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/)
    .optional()
    .catch(undefined),
  marketing_consent: z.boolean().optional().default(false),
  /** Honeypot: hidden from people, filled by bots. */
  website: z.string().optional(),
});

/** POST /proxy/subscriptions, behind the app proxy signature check; the shop is res.locals.proxy.shop. */
export function subscriptionProxyRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.post("/subscriptions", async (req, res) => {
    const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const limit = await checkSignupRateLimit(deps.db, shop.id, {
      ip: req.ip,
      email: typeof raw.email === "string" ? normalizeEmail(raw.email) : null,
    });
    if (!limit.ok) {
      res.set("Retry-After", String(limit.retryAfterSeconds));
      throw new AppError("rate_limited", "too many signups, try again later", { limit: limit.limit });
    }
    // A bot gets the answer a person would, so it learns nothing; nothing is stored or sent.
    if (typeof raw.website === "string" && raw.website.trim() !== "") {
      res.status(201).json({ subscribed: true });
      return;
    }
    const parsed = bodySchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("unprocessable", "invalid fields", {
        fieldErrors: z.flattenError(parsed.error).fieldErrors,
      });
    }
    const body = parsed.data;
    const result = await createSubscription(
      deps,
      shop.id,
      {
        email: body.email,
        variantId: BigInt(body.variant_id),
        locale: (body.locale ?? "en").replace("_", "-"),
        marketingConsent: body.marketing_consent,
        customerId:
          loggedInCustomerId && /^\d+$/.test(loggedInCustomerId) ? BigInt(loggedInCustomerId) : null,
      },
      new Date(),
    );
    // Same body either way: whether the address was known is not the storefront's business.
    res.status(result.created ? 201 : 200).json({ subscribed: true });
  });
  return router;
}
