import express, { type Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { EtaImportResponse } from "../../contract/api-responses.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { exportEtaCsv } from "./export-eta-csv.ts";
import { readEtaImport, startEtaImport } from "./eta-import-job.ts";
import { importBodySchema } from "./eta-input-schema.ts";
import { importEtaCsv } from "./import-eta-csv.ts";

// 50,000 rows of an export (ten columns) fit.
const csvBody = express.text({
  type: ["text/csv", "text/plain"],
  limit: "10mb",
  verify: refuseNulBody("text"),
});
const startQuery = z.object({ requestKey: z.uuid() });

function csvOf(body: unknown): string {
  const csv = typeof body === "string" ? body : importBodySchema.safeParse(body).data?.csv;
  if (csv === undefined)
    throw new AppError("bad_request", "Send the CSV as a text/csv body or as JSON {csv}");
  return csv;
}

/**
 * POST /api/etas/import (text/csv body, or JSON {csv}: the report when done), POST /api/etas/imports
 * and GET /api/etas/imports/:id (the same import in the background, with its progress by rows) and
 * GET /api/etas/export.csv.
 */
export function etaCsvRoutes(deps: AppDeps): Router {
  const router = express.Router();

  router.post("/etas/imports", csvBody, async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const query = startQuery.safeParse(req.query);
    if (!query.success) throw new AppError("bad_request", "requestKey must be a UUID made for this file");
    const { view, started } = await startEtaImport(deps, shop.id, {
      requestKey: query.data.requestKey,
      csv: csvOf(req.body),
    });
    res.status(started ? 202 : 200).json(view satisfies EtaImportResponse);
  });

  router.get("/etas/imports/:id", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.set("Cache-Control", "no-store");
    res.json((await readEtaImport(deps, shop.id, req.params.id)) satisfies EtaImportResponse);
  });

  router.post("/etas/import", csvBody, async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const csv = csvOf(req.body);
    const report = await importEtaCsv(deps, shop.id, csv, deps.now());
    if (!report.applied)
      throw new AppError("unprocessable", "The CSV has errors: nothing was applied", report);
    res.json(report);
  });

  router.get("/etas/export.csv", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.set("Content-Type", "text/csv; charset=utf-8");
    res.set("Content-Disposition", 'attachment; filename="etas.csv"');
    res.set("Cache-Control", "no-store");
    for await (const chunk of exportEtaCsv(deps.db, shop.id, deps.now())) res.write(chunk);
    res.end();
  });

  return router;
}
