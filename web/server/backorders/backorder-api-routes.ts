import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** /api/backorders* (list, metrics, CSV export). Mounted under /api behind the session-token guard; the shop is res.locals.shop. */
export function backorderApiRoutes(_deps: AppDeps): Router {
  const router = express.Router();
  return router;
}
