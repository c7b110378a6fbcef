import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseBody, parseUrl } from "../parse-input.ts";
import {
  bulkLinesBodySchema,
  requestLinesCancellation,
  resendBackorderEmails,
} from "./bulk-backorder-actions.ts";
import { exportBackordersCsv } from "./export-backorders-csv.ts";
import { backorderFiltersSchema, backorderPageSchema, listBackorders } from "./list-backorders.ts";
import type { BackorderPageResponse, BulkBackorderActionResponse } from "../../contract/api-responses.ts";
import {
  loadBackorderMetrics,
  metricsPeriod,
  metricsQuerySchema,
  toMetricsResponse,
} from "./load-backorder-metrics.ts";

/** /api/backorders* (list, metrics, CSV export, bulk actions on selected lines). Mounted under /api behind the session-token guard; the shop is res.locals.shop. */
export function backorderApiRoutes(deps: AppDeps): Router {
  const router = express.Router();

  router.get("/backorders", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const page = await listBackorders(deps.db, shop.id, parseUrl(backorderPageSchema, req.query), deps.now());
    res.json(page satisfies BackorderPageResponse);
  });

  router.get("/backorders/metrics", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const now = deps.now();
    const period = metricsPeriod(parseUrl(metricsQuerySchema, req.query), now);
    if (period.from >= period.to) throw new AppError("bad_request", "from must be before to");
    const metrics = await loadBackorderMetrics(deps.db, shop.id, period, now);
    res.json(toMetricsResponse(metrics, period));
  });

  router.get("/backorders/export.csv", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const filters = parseUrl(backorderFiltersSchema, req.query);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="backorders.csv"');
    for await (const chunk of exportBackordersCsv(deps.db, shop.id, filters, deps.now())) res.write(chunk);
    res.end();
  });

  // Bulk actions on the admin's selection: idempotent by the body's requestKey (bulk-backorder-actions.ts).
  router.post("/backorders/bulk/resend-email", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const result = await resendBackorderEmails(deps, shop.id, parseBody(bulkLinesBodySchema, req.body));
    res.json(result satisfies BulkBackorderActionResponse);
  });

  router.post("/backorders/bulk/request-cancellation", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const body = parseBody(bulkLinesBodySchema, req.body);
    const result = await requestLinesCancellation(deps.db, shop.id, body, deps.now());
    res.json(result satisfies BulkBackorderActionResponse);
  });

  return router;
}
