import express, { type RequestHandler, type Router } from "express";
import { QUEUE_NAMES } from "../queues/definitions/define-job.ts";
import type { AppDeps } from "../app-deps.ts";
import { loadBullBoard, type LoadDashboard } from "./load-bull-board.ts";
import { requireOperator } from "./require-operator.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/**
 * The queue dashboard (bull-board) at /admin/queues, behind operator basic auth (OPS_USER and
 * OPS_PASSWORD; 404 when unset). Mount it before the admin SPA, whose /admin/* catch-all would
 * otherwise answer this path. bull-board is loaded on the first authorised request, so a process
 * without the package still boots and answers 503 here.
 */
export function queueDashboardRoutes(
  deps: Pick<AppDeps, "config" | "queues" | "logger">,
  opts: { load?: LoadDashboard } = {},
): Router {
  const load = opts.load ?? loadBullBoard;
  let dashboard: Promise<RequestHandler> | undefined;
  const router = express.Router();
  router.use(QUEUE_DASHBOARD_PATH, requireOperator(deps.config.ops), async (req, res, next) => {
    dashboard ??= load(
      QUEUE_NAMES.map((name) => deps.queues.get(name)),
      QUEUE_DASHBOARD_PATH,
    );
    let handler: RequestHandler;
    try {
      handler = await dashboard;
    } catch (error) {
      deps.logger.warn({ err: error }, "queue dashboard unavailable");
      res.status(503).json({
        error: "unavailable",
        message: "The queue dashboard is not installed: npm install @bull-board/api @bull-board/express",
      });
      return;
    }
    await handler(req, res, next);
  });
  return router;
}
