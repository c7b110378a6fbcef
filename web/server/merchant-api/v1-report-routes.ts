import { z } from "zod";
import { exportBackordersCsv } from "../backorders/export-backorders-csv.ts";
import {
  loadBackorderMetrics,
  metricsPeriod,
  metricsQuerySchema,
  toMetricsResponse,
} from "../backorders/load-backorder-metrics.ts";
import { AppError } from "../errors.ts";
import { exportEtaCsv } from "../etas/export-eta-csv.ts";
import { exportSubscribersCsv } from "../subscriptions/export-subscribers-csv.ts";
import { defineV1Route } from "./v1-route.ts";
import { metricsSchema } from "./v1-schemas.ts";

const csvResponse = { 200: { description: "A CSV file (docs/csv-files.md)", csv: true as const } };

// Metrics and exports: the same code as the admin's dashboard and its CSV downloads.
export const v1ReportRoutes = [
  defineV1Route({
    method: "get",
    path: "/metrics",
    operationId: "getBackorderMetrics",
    summary: "The dashboard's backorder metrics over a period (default: the last 30 days)",
    tag: "Metrics",
    query: z.strictObject(metricsQuerySchema.shape),
    responses: { 200: { description: "The metrics and their period", schema: metricsSchema } },
    handle: async ({ deps, shopId, query }) => {
      const now = deps.now();
      const period = metricsPeriod(query, now);
      if (period.from >= period.to) throw new AppError("bad_request", "from must be before to");
      return {
        status: 200,
        body: toMetricsResponse(await loadBackorderMetrics(deps.db, shopId, period, now), period),
      };
    },
  }),
  defineV1Route({
    method: "get",
    path: "/exports/backorders.csv",
    operationId: "exportBackorders",
    summary: "Every backorder line as CSV",
    tag: "Exports",
    responses: csvResponse,
    handle: async ({ deps, shopId }) => ({
      status: 200,
      filename: "backorders.csv",
      csv: exportBackordersCsv(deps.db, shopId, { sort: "placedAt", direction: "desc" }, deps.now()),
    }),
  }),
  defineV1Route({
    method: "get",
    path: "/exports/etas.csv",
    operationId: "exportEtas",
    summary: "Every variant's ETA as CSV (the ETA import's columns)",
    tag: "Exports",
    responses: csvResponse,
    handle: async ({ deps, shopId }) => ({
      status: 200,
      filename: "etas.csv",
      csv: exportEtaCsv(deps.db, shopId, deps.now()),
    }),
  }),
  defineV1Route({
    method: "get",
    path: "/exports/subscribers.csv",
    operationId: "exportSubscribers",
    summary: "Every back-in-stock subscription as CSV",
    tag: "Exports",
    responses: csvResponse,
    handle: async ({ deps, shopId }) => ({
      status: 200,
      filename: "subscribers.csv",
      csv: exportSubscribersCsv(deps.db, shopId),
    }),
  }),
];
