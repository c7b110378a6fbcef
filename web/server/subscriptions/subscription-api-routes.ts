import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { readAlertStats, readDemand } from "./read-alert-stats.ts";

/** /api/subscriptions* (demand, stats, compliance exports). Behind the session-token guard; the shop is res.locals.shop. */
export function subscriptionApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/subscriptions/demand", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json({ variants: await readDemand(deps.db, shop.id) });
  });
  router.get("/subscriptions/stats", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json(await readAlertStats(deps.db, shop.id));
  });
  // customers/data_request exports, for the merchant to pass on to the customer.
  router.get("/subscriptions/data-exports", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const exports = await deps.db.dataExport.findMany({
      where: { shopId: shop.id },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    res.json({ exports });
  });
  return router;
}
