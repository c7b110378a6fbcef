import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { exportEtaCsv } from "./export-eta-csv.ts";
import { importBodySchema } from "./eta-input-schema.ts";
import { importEtaCsv } from "./import-eta-csv.ts";

/** POST /api/etas/import (text/csv body, or JSON {csv}) and GET /api/etas/export.csv. */
export function etaCsvRoutes(deps: AppDeps): Router {
  const router = express.Router();

  router.post(
    "/etas/import",
    express.text({ type: ["text/csv", "text/plain"], limit: "5mb", verify: refuseNulBody("text") }),
    async (req, res) => {
      const { shop } = res.locals as ShopLocals;
      const csv = typeof req.body === "string" ? req.body : importBodySchema.safeParse(req.body).data?.csv;
      if (csv === undefined) {
        throw new AppError("bad_request", "Send the CSV as a text/csv body or as JSON {csv}");
      }
      const report = await importEtaCsv(deps, shop.id, csv, deps.now());
      if (!report.applied)
        throw new AppError("unprocessable", "The CSV has errors: nothing was applied", report);
      res.json(report);
    },
  );

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
