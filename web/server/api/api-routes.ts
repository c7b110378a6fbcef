import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { requireSession, type ShopLocals } from "../auth/require-session.ts";

/** /api/*: the embedded admin's API. Every route below runs with a verified shop from the token. */
export function apiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(requireSession(deps));
  router.use(express.json({ limit: "1mb" }));
  router.get("/shop", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const row = await deps.db.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: { domain: true, name: true, installedAt: true, syncStatus: true, syncedAt: true },
    });
    res.json({ shop: row });
  });
  return router;
}
