import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";

export function healthRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/readyz", async (_req, res) => {
    const [database, queue] = await Promise.all([
      check(() => deps.db.$queryRaw`select 1`),
      check(() => deps.queues.backend.ping()),
    ]);
    const ok = database === "ok" && queue === "ok";
    res.status(ok ? 200 : 503).json({ ok, database, queue, queueBackend: deps.queues.backend.kind });
  });
  router.get("/metrics", async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("timeout"), 2000).unref());
  return Promise.race([
    probe().then(
      () => "ok",
      (e: unknown) => `error: ${(e as Error).message}`,
    ),
    timeout,
  ]);
}
