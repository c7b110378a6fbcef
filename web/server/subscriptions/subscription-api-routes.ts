import express, { type Router } from "express";
import type {
  DemandResponse,
  SendNowResponse,
  SubscriberPageResponse,
} from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseUrl } from "../parse-input.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { exportPurchasingCsv } from "./export-purchasing-csv.ts";
import { exportSubscribersCsv } from "./export-subscribers-csv.ts";
import { listVariantSubscribers, subscriberListQuerySchema } from "./list-variant-subscribers.ts";
import { demandQuerySchema, listDemand } from "./list-demand.ts";
import { readAlertStats } from "./read-alert-stats.ts";
import { startManualRestock } from "./start-manual-restock.ts";

const SEND_NOW_REFUSALS = {
  unknown_variant: ["not_found", "Unknown variant"],
  nobody_waiting: ["conflict", "No active subscribers are waiting for this variant"],
  not_in_stock: ["conflict", "The variant is not in stock above the restock threshold"],
  already_starting: ["conflict", "A restock wave for this variant is already starting"],
} as const;

function sendCsv(res: express.Response, filename: string) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
}

/** /api/subscriptions* (demand, subscribers, manual waves, exports). Behind the session-token guard; the shop is res.locals.shop. */
export function subscriptionApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/subscriptions/demand", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const page = await listDemand(deps.db, shop.id, parseUrl(demandQuerySchema, req.query));
    if (!page) throw new AppError("bad_request", "Invalid cursor");
    res.json(page satisfies DemandResponse);
  });
  router.get("/subscriptions/stats", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json(await readAlertStats(deps.db, shop.id));
  });
  router.get("/subscriptions/variants/:variantId/subscribers", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    const page = await listVariantSubscribers(
      deps.db,
      shop.id,
      variantId,
      parseUrl(subscriberListQuerySchema, req.query),
    );
    if (!page) throw new AppError("bad_request", "Invalid cursor");
    res.json({ variantId: String(variantId), ...page } satisfies SubscriberPageResponse);
  });
  router.post("/subscriptions/variants/:variantId/send-now", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    const result = await startManualRestock(deps, shop.id, variantId, deps.now());
    if (!result.ok) {
      const [code, message] = SEND_NOW_REFUSALS[result.reason];
      throw new AppError(code, message);
    }
    res
      .status(202)
      .json({ restockEventId: result.restockEventId, waiting: result.waiting } satisfies SendNowResponse);
  });
  router.get("/subscriptions/export.csv", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    sendCsv(res, "subscribers.csv");
    for await (const chunk of exportSubscribersCsv(deps.db, shop.id)) res.write(chunk);
    res.end();
  });
  router.get("/subscriptions/purchasing.csv", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const csv = await exportPurchasingCsv(deps.db, shop.id);
    sendCsv(res, "purchasing.csv");
    res.send(csv);
  });
  return router;
}
