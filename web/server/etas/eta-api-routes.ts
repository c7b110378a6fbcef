import { parseBody, parseUrl } from "../parse-input.ts";
import express, { type Router } from "express";
import type { EtaBulkResponse, EtaPageResponse, EtaResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { applyEtaChanges } from "./apply-eta-changes.ts";
import { etaCsvRoutes } from "./eta-csv-routes.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { bulkEtaBodySchema, leadTimeBodySchema, setEtaBodySchema } from "./eta-input-schema.ts";
import { loadEtaView } from "./load-eta-view.ts";
import { requireKnownVariants } from "./require-known-variants.ts";
import { listEtas, listEtasQuerySchema } from "./list-etas.ts";
import { setProductLeadTime } from "./set-product-lead-time.ts";

/** /api/etas* (get/set one, bulk, CSV import/export). Mounted under /api behind the session-token guard; the shop is res.locals.shop. */
export function etaApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopOf = (locals: unknown) => (locals as ShopLocals).shop;

  router.get("/etas", async (req, res) => {
    const query = parseUrl(listEtasQuerySchema, req.query);
    res.json((await listEtas(deps.db, shopOf(res.locals).id, query, deps.now())) satisfies EtaPageResponse);
  });

  // Before /etas/:variantId so "export.csv" is not taken for an id.
  router.use(etaCsvRoutes(deps));

  router.post("/etas/bulk", async (req, res) => {
    const shop = shopOf(res.locals);
    const body = parseBody(bulkEtaBodySchema, req.body);
    const ids = await requireKnownVariants(deps.db, shop.id, body.variantIds);
    const changes = ids.map((variantId) => ({ variantId, eta: body.eta, message: body.message }));
    const result = await applyEtaChanges(deps, shop.id, changes, "bulk", deps.now());
    res.json({ updated: result.updated, moved: result.moved.map(String) } satisfies EtaBulkResponse);
  });

  router.put("/etas/products/:productId/lead-time", async (req, res) => {
    const productId = BigInt(parseUrl(shopifyIdSchema, req.params.productId));
    const body = parseBody(leadTimeBodySchema, req.body);
    const result = await setProductLeadTime(
      deps,
      shopOf(res.locals).id,
      productId,
      body.leadTimeDays,
      deps.now(),
    );
    res.json({
      productId: result.productId,
      leadTimeDays: result.leadTimeDays,
      moved: result.moved.map(String),
    });
  });

  router.get("/etas/:variantId", async (req, res) => {
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    res.json({
      variant: await loadEtaView(deps.db, shopOf(res.locals).id, variantId, deps.now()),
    } satisfies EtaResponse);
  });

  router.put("/etas/:variantId", async (req, res) => {
    const shop = shopOf(res.locals);
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    const body = parseBody(setEtaBodySchema, req.body);
    await loadEtaView(deps.db, shop.id, variantId, deps.now()); // 404 before writing anything
    await applyEtaChanges(
      deps,
      shop.id,
      [{ variantId, eta: body.eta, message: body.message }],
      "manual",
      deps.now(),
    );
    res.json({ variant: await loadEtaView(deps.db, shop.id, variantId, deps.now()) } satisfies EtaResponse);
  });

  return router;
}
