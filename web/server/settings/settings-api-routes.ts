import express, { type Router } from "express";
import type { LocationsResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { parseBody } from "../parse-input.ts";
import { describeSending } from "./describe-sending.ts";
import { applySettingsChange } from "./apply-settings-change.ts";
import { settingsUpdateSchema } from "./settings-schema.ts";
import { loadShopSettings, updateShopSettings } from "./shop-settings-repository.ts";

/** /api/settings and /api/locations. Mounted under /api behind the session-token guard. */
export function settingsApiRoutes(deps: AppDeps): Router {
  const router = express.Router();

  router.get("/settings", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const settings = await loadShopSettings(deps.db, shop.id);
    res.json({ settings, sending: await describeSending(deps, shop.id, settings) });
  });

  router.put("/settings", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const input = parseBody(settingsUpdateSchema, req.body);
    const before = await loadShopSettings(deps.db, shop.id);
    const settings = await updateShopSettings(deps.db, shop.id, input);
    await applySettingsChange(deps, shop.id, before, settings);
    res.json({ settings, sending: await describeSending(deps, shop.id, settings) });
  });

  router.get("/locations", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const [locations, settings] = await Promise.all([
      deps.db.location.findMany({
        where: { shopId: shop.id },
        orderBy: [{ name: "asc" }, { locationId: "asc" }],
      }),
      loadShopSettings(deps.db, shop.id),
    ]);
    // An empty counted list means "every location".
    const counted = new Set(settings.countedLocationIds);
    res.json({
      locations: locations.map((l) => ({
        id: l.locationId.toString(),
        name: l.name ?? `Location ${l.locationId}`,
        active: l.active,
        counted: counted.size === 0 || counted.has(l.locationId.toString()),
      })),
    } satisfies LocationsResponse);
  });

  return router;
}
