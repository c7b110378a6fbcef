import express, { type Router } from "express";
import { z } from "zod";
import type { ProductsResponse } from "../../contract/api-responses.ts";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { parseUrl } from "../parse-input.ts";
import { isShopifyIdText } from "../shopify-id.ts";
import { findShopProducts } from "./find-shop-products.ts";

const productQuerySchema = z.object({
  // Comma-separated numeric ids, at most 50 (the settings keep at most 20 alternatives).
  ids: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",") : undefined))
    .pipe(z.array(z.string().refine(isShopifyIdText, "must be numeric product ids")).max(50).optional()),
  query: z.string().max(200).optional(),
});

/** GET /api/products: the shop's products by id or title (names for the chosen alternatives). */
export function productApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/products", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const { ids, query } = parseUrl(productQuerySchema, req.query);
    const products = await findShopProducts(deps.db, shop.id, {
      ...(ids ? { ids: ids.map((id) => BigInt(id)) } : {}),
      ...(query ? { query } : {}),
    });
    res.json({ products } satisfies ProductsResponse);
  });
  return router;
}
