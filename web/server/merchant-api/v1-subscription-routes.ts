import { z } from "zod";
import { AppError } from "../errors.ts";
import { requireKnownVariants } from "../etas/require-known-variants.ts";
import { emitSubscriptionEvent } from "../integrations/events/subscription-events.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { createSubscription } from "../subscriptions/create-subscription.ts";
import { listVariantSubscribers, toSubscriberView } from "../subscriptions/list-variant-subscribers.ts";
import { normalizeEmail } from "../subscriptions/normalize-email.ts";
import { unsubscribe } from "../subscriptions/unsubscribe.ts";
import { defineV1Route } from "./v1-route.ts";
import { cursorQuery, subscriptionSchema } from "./v1-schemas.ts";

const listQuery = z.strictObject({
  variant: shopifyIdSchema.describe("Variant id").optional(),
  status: z.enum(["PENDING", "ACTIVE", "NOTIFIED", "UNSUBSCRIBED", "EXPIRED"]).optional(),
  ...cursorQuery,
});

const createBody = z.strictObject({
  email: z
    .string()
    .max(254)
    .refine((v) => normalizeEmail(v) !== null, "must be an email address"),
  variantId: shopifyIdSchema,
  locale: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, "must be a locale such as en or fr-CA")
    .default("en"),
  /** Consent the shopper gave you to marketing; with double opt-in it counts once they confirm. */
  marketingConsent: z.boolean().default(false),
});

const idParams = z.strictObject({ id: z.uuid() });
const one = z.object({ subscription: subscriptionSchema });

// Creating goes through the storefront's own path (createSubscription): one live subscription per
// address and variant, double opt-in and the no-silent-resubscription rule apply unchanged.
export const v1SubscriptionRoutes = [
  defineV1Route({
    method: "get",
    path: "/subscriptions",
    operationId: "listSubscriptions",
    summary: "Back-in-stock subscriptions, newest first, in keyset pages",
    tag: "Subscriptions",
    query: listQuery,
    responses: {
      200: {
        description: "A page of subscriptions",
        schema: z.object({ items: z.array(subscriptionSchema), nextCursor: z.string().nullable() }),
      },
    },
    handle: async ({ deps, shopId, query }) => {
      const variantId = query.variant === undefined ? null : BigInt(query.variant);
      const page = await listVariantSubscribers(deps.db, shopId, variantId, query);
      if (!page) throw new AppError("bad_request", "Invalid cursor");
      return { status: 200, body: { items: page.subscribers, nextCursor: page.nextCursor } };
    },
  }),
  defineV1Route({
    method: "post",
    path: "/subscriptions",
    operationId: "createSubscription",
    summary:
      "Subscribes an address to a variant's back-in-stock alert (201; 200 when it already had a live one)",
    tag: "Subscriptions",
    body: createBody,
    responses: {
      201: { description: "Created (PENDING until confirmed when double opt-in applies)", schema: one },
      200: { description: "The address already had a live subscription to the variant", schema: one },
    },
    handle: async ({ deps, shopId, body }) => {
      const email = normalizeEmail(body.email)!;
      const [variantId] = await requireKnownVariants(deps.db, shopId, [body.variantId], "variantId");
      const now = deps.now();
      const result = await createSubscription(
        deps,
        shopId,
        {
          email,
          variantId: variantId!,
          locale: body.locale,
          marketingConsent: body.marketingConsent,
          customerId: null,
        },
        now,
      );
      const row = await deps.db.subscription.findFirst({
        where: { shopId, activeKey: `${variantId}:${email}` },
      });
      // Ended between the insert and this read (an unsubscribe link, the expiry sweep): say so.
      if (!row) throw new AppError("conflict", "The subscription ended while it was being created; retry");
      return { status: result.created ? 201 : 200, body: { subscription: toSubscriberView(row) } };
    },
  }),
  defineV1Route({
    method: "delete",
    path: "/subscriptions/{id}",
    operationId: "unsubscribe",
    summary: "Unsubscribes: the subscription ends and the address gets no more alerts from the shop",
    tag: "Subscriptions",
    params: idParams,
    responses: { 200: { description: "The subscription, unsubscribed", schema: one } },
    handle: async ({ deps, shopId, params }) => {
      const sub = await deps.db.subscription.findFirst({
        where: { id: params.id, shopId },
        select: { unsubscribeToken: true },
      });
      if (!sub) throw new AppError("not_found", "Unknown subscription");
      await unsubscribe(deps.db, sub.unsubscribeToken, deps.now());
      await emitSubscriptionEvent(deps, "subscription.unsubscribed", { id: params.id });
      const row = await deps.db.subscription.findUniqueOrThrow({ where: { id: params.id } });
      return { status: 200, body: { subscription: toSubscriberView(row) } };
    },
  }),
];
