import express, { type Request, type Response, type Router } from "express";
import type { AppDeps } from "../../app-deps.ts";
import { applyEtaChanges } from "../../etas/apply-eta-changes.ts";
import { AppError } from "../../errors.ts";
import { parseBody } from "../../parse-input.ts";
import { FLOW_TRIGGER_NAMES } from "./flow-trigger-payloads.ts";
import { lifecycleSchema, setVariantEtaSchema } from "./flow-request-schemas.ts";

const HANDLES = new Set(Object.values(FLOW_TRIGGER_NAMES));

/**
 * /flow/*: what Shopify Flow calls. Both routes read the raw body and verify Shopify's HMAC
 * (x-shopify-hmac-sha256, @shopify/shopify-api's flow.validate) before anything else, and answer
 * quickly: the action does one transaction and queues the rest.
 */
export function flowRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: "100kb" }));
  router.use(async (req, res, next) => {
    if (await verified(deps, req, res)) return next();
    res.status(401).json({ error: "invalid_hmac" });
  });

  router.post("/lifecycle", async (req, res) => {
    const body = parseBody(lifecycleSchema, readJson(req));
    const id = body.flow_trigger_definition_id;
    const handle = HANDLES.has(id) ? id : FLOW_TRIGGER_NAMES[id];
    const shop = await deps.db.shop.findUnique({
      where: { domain: body.shopify_domain },
      select: { id: true },
    });
    // An unknown trigger or shop is acknowledged: there is nothing to track, and Flow must not retry.
    if (!handle || !shop) return void res.json({ ok: true, tracked: false });
    const changedAt = new Date(body.timestamp);
    await deps.db.$executeRaw`
      INSERT INTO "FlowTriggerState" ("shopId", "handle", "enabled", "changedAt")
      VALUES (${shop.id}, ${handle}, ${body.has_enabled_flow}, ${changedAt})
      ON CONFLICT ("shopId", "handle") DO UPDATE SET "enabled" = EXCLUDED."enabled", "changedAt" = EXCLUDED."changedAt"
      WHERE "FlowTriggerState"."changedAt" < EXCLUDED."changedAt"`;
    res.json({ ok: true, tracked: true });
  });

  router.post("/actions/set-variant-eta", async (req, res) => {
    const body = parseBody(setVariantEtaSchema, readJson(req));
    const shop = await deps.db.shop.findUnique({
      where: { domain: body.shopify_domain },
      select: { id: true, uninstalledAt: true },
    });
    if (!shop || shop.uninstalledAt) return void res.status(404).json({ error: "unknown_shop" });
    const variantId = BigInt(body.properties["Variant ID"]);
    const variant = await deps.db.variant.findUnique({
      where: { shopId_variantId: { shopId: shop.id, variantId } },
      select: { id: true },
    });
    if (!variant)
      return void res.status(422).json({ error: "unknown_variant", message: "No such variant in this shop" });
    const { ETA: eta, Message: message } = body.properties;
    await applyEtaChanges(deps, shop.id, [{ variantId, eta, message }], "manual", deps.now());
    res.json({ ok: true, variantId: String(variantId), eta, message });
  });
  return router;
}

async function verified(deps: AppDeps, req: Request, res: Response): Promise<boolean> {
  const rawBody = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
  for (const shopify of deps.shopify.verifiers) {
    const result = await shopify.flow.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (result.valid) return true;
  }
  return false;
}

/** Flow sends JSON as the raw body (read raw for the HMAC): parsed here, validated by the one rule. */
function readJson(req: Request): unknown {
  try {
    return JSON.parse((req.body as Buffer).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The body is not JSON");
  }
}
