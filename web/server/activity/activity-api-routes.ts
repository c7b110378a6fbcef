import express, { type Router } from "express";
import type { ActivityPageResponse } from "../../contract/api-responses.ts";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseUrl } from "../parse-input.ts";
import { decodeCursor } from "./activity-cursor.ts";
import { MAX_PERIOD_DAYS } from "./fill-daily-series.ts";
import { listActivity } from "./list-activity.ts";
import { loadAlertMetrics } from "./load-alert-metrics.ts";

const STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "SUPPRESSED"] as const;

const listQuery = z.object({
  source: z.enum(["all", "notifications", "webhooks"]).default("all"),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim().toUpperCase()) : []))
    .pipe(z.array(z.enum(STATUSES))),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const periodQuery = z.object({ from: day.optional(), to: day.optional() });

/** /api/activity (audit trail) and /api/activity/alerts (alert results for the dashboard). */
export function activityApiRoutes(deps: AppDeps): Router {
  const router = express.Router();

  router.get("/activity", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const query = parseUrl(listQuery, req.query);
    const cursor = decodeCursor(query.cursor);
    if (query.cursor && !cursor) throw new AppError("bad_request", "Invalid cursor");
    const page = await listActivity(deps.db, shop, {
      source: query.source,
      statuses: query.status,
      limit: query.limit,
      cursor,
    });
    res.json(page satisfies ActivityPageResponse);
  });

  router.get("/activity/alerts", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const query = parseUrl(periodQuery, req.query);
    // `to` is the last day shown, inclusive; the query runs to the start of the next day.
    const to = query.to
      ? new Date(`${query.to}T00:00:00Z`)
      : new Date(deps.now().toISOString().slice(0, 10) + "T00:00:00Z");
    to.setUTCDate(to.getUTCDate() + 1);
    const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - 30 * 86_400_000);
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (Number.isNaN(days) || days < 1 || days > MAX_PERIOD_DAYS) {
      throw new AppError("bad_request", `The period must be 1 to ${MAX_PERIOD_DAYS} days`);
    }
    res.json(await loadAlertMetrics(deps.db, shop.id, from, to));
  });

  return router;
}
