import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { requireOperator } from "../ops/require-operator.ts";

type Probe = "up" | "down";

export function healthRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/readyz", async (_req, res) => {
    // Which dependency is down, never the driver's message (hosts, users, ports stay in the logs).
    const [postgres, queue] = await Promise.all([
      check(() => deps.db.$queryRaw`select 1`, deps, "postgres"),
      check(() => deps.queues.backend.ping(), deps, `queue (${deps.queues.backend.kind})`),
    ]);
    const ok = postgres === "up" && queue === "up";
    res.status(ok ? 200 : 503).json({ ok, postgres, queue, queueBackend: deps.queues.backend.kind });
  });
  // The public port serves metrics to operators only; scrapers use METRICS_PORT (ops listener).
  router.get("/metrics", requireOperator(deps.config.ops), async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

async function check(probe: () => Promise<unknown>, deps: AppDeps, name: string): Promise<Probe> {
  const timeout = new Promise<Probe>((resolve) => setTimeout(() => resolve("down"), 2000).unref());
  return Promise.race([
    probe().then(
      (): Probe => "up",
      (error: unknown): Probe => {
        deps.logger.warn({ err: error, dependency: name }, "readiness probe failed");
        return "down";
      },
    ),
    timeout,
  ]);
}
