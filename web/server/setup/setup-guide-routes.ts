import express, { type Router } from "express";
import { z } from "zod";
import { syncShopJob } from "../queues/definitions/sync-shop.ts";
import type { SetupGuideResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { AppError } from "../errors.ts";
import { parseBody } from "../parse-input.ts";
import { loadSetupGuide, updateSetupGuide } from "./load-setup-guide.ts";
import { MANUAL_STEPS } from "./setup-guide-steps.ts";

const updateBody = z
  .object({
    step: z.object({ id: z.enum(MANUAL_STEPS), done: z.boolean() }).optional(),
    dismissed: z.boolean().optional(),
  })
  .refine((b) => b.step !== undefined || b.dismissed !== undefined, "Send a step or dismissed");

/**
 * /api/setup-guide: the dashboard's first-run guide (GET), ticking its manual steps and dismissing
 * it (PUT), and "Sync now" for an initial sync that failed (POST /api/setup-guide/sync).
 */
export function setupGuideRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const guide = async (shopId: string): Promise<SetupGuideResponse> => ({
    guide: await loadSetupGuide(deps.db, shopId, deps.config.apiKey, deps.now()),
  });

  router.get("/setup-guide", async (_req, res) => {
    res.json(await guide((res.locals as ShopLocals).shop.id));
  });

  router.put("/setup-guide", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    await updateSetupGuide(deps.db, shop.id, parseBody(updateBody, req.body), deps.now());
    res.json(await guide(shop.id));
  });

  router.post("/setup-guide/sync", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    // Only a failed sync restarts, and only once however many clicks: the update claims it.
    const claimed = await deps.db.shop.updateMany({
      where: { id: shop.id, syncStatus: "FAILED" },
      data: { syncStatus: "PENDING", syncOperation: null, syncTotal: null, syncStored: 0 },
    });
    if (claimed.count === 0) throw new AppError("conflict", "The sync has not failed: nothing to restart");
    await deps.queues.enqueue(
      syncShopJob,
      { shopId: shop.id, polls: 0 },
      { jobId: `sync-shop-${shop.id}-retry-${Date.now()}` },
    );
    res.status(202).json(await guide(shop.id));
  });

  return router;
}
