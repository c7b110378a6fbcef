import express, { type Router } from "express";
import type { DataExportsResponse } from "../../contract/api-responses.ts";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseUrl } from "../parse-input.ts";

const exportIdSchema = z.object({ id: z.uuid() });

/**
 * customers/data_request exports, for the merchant to pass on to the customer: GET /data-exports
 * lists them (no personal data in the list), GET /data-exports/:id downloads one as JSON.
 */
export function dataExportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/data-exports", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const rows = await deps.db.dataExport.findMany({
      where: { shopId: shop.id },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, kind: true, subject: true, createdAt: true },
    });
    res.json({
      exports: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    } satisfies DataExportsResponse);
  });
  router.get("/data-exports/:id", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { id } = parseUrl(exportIdSchema, req.params);
    const row = await deps.db.dataExport.findFirst({ where: { id, shopId: shop.id } });
    if (!row) throw new AppError("not_found", "No such data export");
    res.set("Content-Type", "application/json; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="customer-data-${row.id}.json"`);
    res.set("Cache-Control", "no-store");
    res.send(JSON.stringify({ createdAt: row.createdAt.toISOString(), ...(row.payload as object) }, null, 2));
  });
  return router;
}
