import express, { type Router } from "express";
import { z } from "zod";
import type { SavedViewResponse, SavedViewsResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { parseBody, parseUrl } from "../parse-input.ts";
import {
  createViewBodySchema,
  MAX_SAVED_VIEWS,
  SAVED_VIEW_LISTS,
  updateViewBodySchema,
} from "./saved-view-query.ts";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from "./saved-views.ts";

const listSchema = z.enum(SAVED_VIEW_LISTS);

/** /api/saved-views/:list*: the merchant's saved views of Backorders and ETAs (docs/admin-saved-views.md). */
export function savedViewRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopId = (locals: unknown) => (locals as ShopLocals).shop.id;
  const base = "/saved-views/:list";

  router.get(base, async (req, res) => {
    const list = parseUrl(listSchema, req.params.list);
    const views = await listSavedViews(deps.db, shopId(res.locals), list);
    res.json({ views, limit: MAX_SAVED_VIEWS } satisfies SavedViewsResponse);
  });

  router.post(base, async (req, res) => {
    const list = parseUrl(listSchema, req.params.list);
    const body = parseBody(createViewBodySchema(list), req.body);
    const view = await createSavedView(deps.db, shopId(res.locals), list, body);
    res.status(201).json({ view } satisfies SavedViewResponse);
  });

  router.patch(`${base}/:viewId`, async (req, res) => {
    const list = parseUrl(listSchema, req.params.list);
    const id = parseUrl(z.uuid(), req.params.viewId);
    const body = parseBody(updateViewBodySchema(list), req.body);
    const view = await updateSavedView(deps.db, shopId(res.locals), list, id, body);
    res.json({ view } satisfies SavedViewResponse);
  });

  router.delete(`${base}/:viewId`, async (req, res) => {
    const list = parseUrl(listSchema, req.params.list);
    const id = parseUrl(z.uuid(), req.params.viewId);
    await deleteSavedView(deps.db, shopId(res.locals), list, id);
    res.status(204).end();
  });

  return router;
}
