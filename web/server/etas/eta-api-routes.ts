import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** /api/etas* (get/set one, bulk, CSV import/export). Mounted under /api behind the session-token guard; the shop is res.locals.shop. */
export function etaApiRoutes(_deps: AppDeps): Router {
  const router = express.Router();
  return router;
}
