import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import type { ShopLocals } from "../../auth/require-session.ts";
import { parseBody } from "../../parse-input.ts";
import { encryptToken } from "../../shopify/sessions/token-cipher.ts";

const saveSchema = z.strictObject({
  // Klaviyo private keys start with "pk_"; the key is stored encrypted and never shown again.
  privateKey: z
    .string()
    .trim()
    .regex(/^pk_[A-Za-z0-9_]{10,200}$/, "must be a Klaviyo private API key (pk_…)"),
});

/** /api/integrations/klaviyo: connect (key), show whether connected, disconnect; /api/integrations/flow. */
export function klaviyoSettingsRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopId = (locals: unknown) => (locals as ShopLocals).shop.id;
  router.get("/integrations/klaviyo", async (_req, res) => {
    const row = await deps.db.klaviyoSettings.findUnique({ where: { shopId: shopId(res.locals) } });
    res.json({ connected: Boolean(row?.enabled), updatedAt: row?.updatedAt ?? null });
  });
  router.put("/integrations/klaviyo", async (req, res) => {
    const { privateKey } = parseBody(saveSchema, req.body);
    const id = shopId(res.locals);
    const stored = encryptToken(deps.config.tokenKeys, privateKey);
    await deps.db.klaviyoSettings.upsert({
      where: { shopId: id },
      create: { shopId: id, privateKey: stored },
      update: { privateKey: stored, enabled: true },
    });
    res.json({ connected: true });
  });
  // Which Flow triggers the shop uses (from Flow's lifecycle callbacks): shown on the same page.
  router.get("/integrations/flow", async (_req, res) => {
    const triggers = await deps.db.flowTriggerState.findMany({
      where: { shopId: shopId(res.locals) },
      select: { handle: true, enabled: true, changedAt: true },
      orderBy: { handle: "asc" },
    });
    res.json({ triggers });
  });
  router.delete("/integrations/klaviyo", async (_req, res) => {
    await deps.db.klaviyoSettings.deleteMany({ where: { shopId: shopId(res.locals) } });
    res.json({ connected: false });
  });
  return router;
}
