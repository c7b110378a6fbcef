import { parseBody, parseUrl } from "../parse-input.ts";
import express, { type Router } from "express";
import type { CancelRequestsResponse, VariantControlResponse } from "../../contract/api-responses.ts";
import { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import {
  cancelRequestUpdateSchema,
  listQuerySchema,
  productCapBodySchema,
  variantControlBodySchema,
} from "./control-input-schema.ts";
import { listCancelRequests, listOrderDiscounts, resolveCancelRequest } from "./list-control-records.ts";
import { loadVariantControl, saveProductCap, saveVariantControl } from "./variant-controls.ts";

/** /api/controls/* (caps, windows, discount codes, cancel requests). Mounted under /api behind the session-token guard. */
export function controlApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const shopOf = (locals: unknown) => (locals as ShopLocals).shop;

  router.get("/controls/variants/:variantId", async (req, res) => {
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    res.json({
      control: await loadVariantControl(deps.db, shopOf(res.locals).id, variantId),
    } satisfies VariantControlResponse);
  });

  router.put("/controls/variants/:variantId", async (req, res) => {
    const variantId = BigInt(parseUrl(shopifyIdSchema, req.params.variantId));
    const body = parseBody(variantControlBodySchema, req.body);
    const control = await saveVariantControl(deps, shopOf(res.locals).id, variantId, body, deps.now());
    res.json({ control } satisfies VariantControlResponse);
  });

  router.put("/controls/products/:productId", async (req, res) => {
    const productId = BigInt(parseUrl(shopifyIdSchema, req.params.productId));
    const body = parseBody(productCapBodySchema, req.body);
    res.json(await saveProductCap(deps, shopOf(res.locals).id, productId, body.backorderCap));
  });

  router.get("/controls/discounts", async (req, res) => {
    const query = parseUrl(listQuerySchema, req.query);
    res.json({ discounts: await listOrderDiscounts(deps.db, shopOf(res.locals).id, query.limit) });
  });

  router.get("/controls/cancel-requests", async (req, res) => {
    const query = parseUrl(listQuerySchema, req.query);
    res.json({
      requests: await listCancelRequests(deps.db, shopOf(res.locals).id, query),
    } satisfies CancelRequestsResponse);
  });

  router.patch("/controls/cancel-requests/:id", async (req, res) => {
    const id = parseUrl(z.uuid(), req.params.id);
    const body = parseBody(cancelRequestUpdateSchema, req.body);
    await resolveCancelRequest(deps.db, shopOf(res.locals).id, id, body.status, deps.now());
    res.json({ id, status: body.status });
  });

  return router;
}
