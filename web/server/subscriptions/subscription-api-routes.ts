import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

/** /api/subscriptions* (demand, subscribers, send now, exports). Mounted under /api behind the session-token guard; the shop is res.locals.shop. */
export function subscriptionApiRoutes(_deps: AppDeps): Router {
  const router = express.Router();
  return router;
}
