import crypto from "node:crypto";
import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import { parseBody } from "../parse-input.ts";
import { supportedLocales } from "./render/resolve-locale.ts";
import { templateKinds } from "./render/template-kinds.ts";
import { getSampleContext } from "./templates/sample-contexts.ts";

const testSendBody = z.object({
  kind: z.enum(templateKinds),
  locale: z.enum(supportedLocales),
  to: z.email().max(254),
});

/** Test sends are real emails: a cap keeps the admin from being used to spam an address. */
const TEST_SENDS_PER_HOUR = 20;

/** POST /api/emails/test-send: one email of a kind and locale, rendered from sample data, to `to`. */
export function testSendRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.post("/emails/test-send", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { kind, locale, to } = parseBody(testSendBody, req.body);
    const keyPrefix = `test:${shop.id}:`;
    const recent = await deps.db.notification.count({
      where: {
        shopId: shop.id,
        idempotencyKey: { startsWith: keyPrefix },
        createdAt: { gt: new Date(deps.now().getTime() - 3_600_000) },
      },
    });
    if (recent >= TEST_SENDS_PER_HOUR)
      throw new AppError("rate_limited", "Too many test emails; try again later");
    const { currency } = await deps.db.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: { currency: true },
    });
    const [notificationId] = await enqueueNotifications(deps, [
      {
        shopId: shop.id,
        kind,
        locale,
        recipient: to.trim().toLowerCase(),
        idempotencyKey: `${keyPrefix}${kind}:${locale}:${crypto.randomUUID()}`,
        // A test send has no subscription or order behind it: the sender renders this sample data.
        context: { test: true, sample: JSON.parse(JSON.stringify(getSampleContext(kind, locale, currency))) },
      },
    ]);
    res.status(202).json({ notificationId });
  });

  return router;
}
