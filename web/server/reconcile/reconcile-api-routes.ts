import express, { type Router } from "express";
import type { ReconciliationResponse, ReconciliationSyncResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { toReconciliationView } from "./order-reconciliation-runs.ts";
import { startOrderReconciliation } from "./start-order-reconciliation.ts";

/**
 * /api/reconciliation: the shop's order reconciliation, polled by the admin while a run goes on;
 * POST /api/reconciliation/sync ("Sync now") starts a run, or answers the one already under way.
 */
export function reconcileApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const view = async (shopId: string) =>
    toReconciliationView(await deps.db.orderReconciliation.findUnique({ where: { shopId } }));

  router.get("/reconciliation", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json({ reconciliation: await view(shop.id) } satisfies ReconciliationResponse);
  });

  router.post("/reconciliation/sync", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const run = await startOrderReconciliation(deps, shop.id, "manual", deps.now());
    res.status(run.started ? 202 : 200).json({
      started: run.started,
      reconciliation: await view(shop.id),
    } satisfies ReconciliationSyncResponse);
  });

  return router;
}
