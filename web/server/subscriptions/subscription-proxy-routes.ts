import express, { type Response, type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { createHitCounter } from "../limits/create-hit-counter.ts";
import { bodyError } from "../parse-input.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { checkSignupRateLimit } from "./check-signup-rate-limit.ts";
import { createSignupVariantCheck, unknownVariantError } from "./check-signup-variant.ts";
import { createSubscription } from "./create-subscription.ts";
import { createJunkSignupLimiter } from "./junk-signup-limit.ts";
import { normalizeEmail } from "./normalize-email.ts";
import { decideSignupContacts } from "../sms/parse-sms-signup.ts";
import { loadSmsSettings, type SignupChannels } from "../sms/sms-settings-repository.ts";

const bodySchema = z.object({
  // Optional when the shop takes phone numbers (decideSignupContacts says which is required).
  email: z
    .string()
    .max(320)
    .nullish()
    .transform((v, ctx) =>
      v === null || v === undefined || v.trim() === ""
        ? null
        : (normalizeEmail(v) ?? (ctx.addIssue({ code: "custom", message: "invalid email" }), z.NEVER)),
    ),
  phone: z.string().max(40).nullish(),
  sms_consent: z.boolean().optional().default(false),
  // The consent wording the block showed next to the box (kept as proof of what was agreed to).
  sms_consent_text: z.string().trim().max(500).optional(),
  // The storefront's country (Liquid localization.country.iso_code): a number without +code is read there.
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .catch(undefined),
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

/** A 429 with Retry-After, as every signup limit answers. */
function tooManyRequests(res: Response, limit: string, retryAfterSeconds: number): AppError {
  res.set("Retry-After", String(retryAfterSeconds));
  return new AppError("rate_limited", "too many signups, try again later", { limit });
}

/**
 * POST /proxy/subscriptions, behind the app proxy signature check; the shop is res.locals.proxy.shop.
 * The client address is the shopper's, as the trusted proxies report it (TRUST_PROXY). Junk (a
 * honeypot hit, invalid fields, a variant Shopify does not have) only counts against its own
 * limit; a signup that validates counts against the address, recipient and shop buckets.
 */
export function subscriptionProxyRoutes(deps: AppDeps): Router {
  const router = express.Router();
  // Shared through Redis when it is the queue backend; never a database write per junk request.
  const junk = createJunkSignupLimiter(
    deps.queues.backend.countHit ? { shared: createHitCounter(deps) } : {},
  );
  const variants = createSignupVariantCheck(deps);
  router.post("/subscriptions", async (req, res) => {
    const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
    const ip = req.ip ?? "unknown";
    const countJunk = async () => {
      const verdict = await junk.hit(shop.id, ip);
      if (!verdict.ok) throw tooManyRequests(res, "junk", verdict.retryAfterSeconds);
    };
    const raw = (req.body ?? {}) as Record<string, unknown>;
    // A bot gets the answer a person would, so it learns nothing; nothing is stored or sent.
    if (typeof raw.website === "string" && raw.website.trim() !== "") {
      await countJunk();
      res.status(201).json({ subscribed: true });
      return;
    }
    const parsed = bodySchema.safeParse(raw);
    if (!parsed.success) {
      await countJunk();
      throw bodyError(parsed.error, raw);
    }
    const body = parsed.data;
    const sms = await loadSmsSettings(deps.db, shop.id);
    let contacts: { email: string | null; phone: string | null };
    try {
      contacts = decideSignupContacts(sms.signupChannels as SignupChannels, sms.enabled, body.email, body);
    } catch (error) {
      await countJunk();
      throw error;
    }
    const variantId = BigInt(body.variant_id);
    const variant = await variants.check(shop, variantId);
    if (variant.kind === "retry") {
      if (variant.reason === "lookup_budget") {
        throw tooManyRequests(res, "variant_lookup", variant.retryAfterSeconds);
      }
      res.set("Retry-After", String(variant.retryAfterSeconds));
      throw new AppError("unavailable", "cannot check this variant right now, try again later");
    }
    if (variant.kind === "unknown") {
      await countJunk();
      throw unknownVariantError();
    }
    const limit = await checkSignupRateLimit(deps.sql, shop.id, {
      ip,
      email: contacts.email ?? contacts.phone!,
    });
    if (!limit.ok) throw tooManyRequests(res, limit.limit, limit.retryAfterSeconds);
    const result = await createSubscription(
      deps,
      shop.id,
      {
        email: contacts.email,
        phone: contacts.phone,
        smsConsentText: contacts.phone ? body.sms_consent_text || sms.consentText : null,
        variantId,
        locale: (body.locale ?? "en").replace("_", "-"),
        marketingConsent: body.marketing_consent,
        customerId:
          loggedInCustomerId && /^\d+$/.test(loggedInCustomerId) ? BigInt(loggedInCustomerId) : null,
      },
      deps.now(),
    );
    // Same body either way: whether the address was known is not the storefront's business.
    res.status(result.created ? 201 : 200).json({ subscribed: true });
  });
  return router;
}
