import express from "express";
import type { BlockSettings } from "./storefront/render-app-block.ts";
import type { Request } from "express";
import { buildStorefrontProduct, shopAppMetafields } from "./storefront/build-storefront-product.ts";
import { createCartRoutes } from "./storefront/cart-routes.ts";
import {
  type AppProxyTarget,
  CUSTOMER_COOKIE,
  forwardToAppProxy,
  PROXY_PREFIX,
} from "./storefront/forward-to-app-proxy.ts";
import { escapeHtml } from "./storefront/escape-html.ts";
import { readExtensionAsset } from "./storefront/read-extension-asset.ts";
import { renderOrderStatusPage } from "./storefront/render-order-status-page.ts";
import { renderProductPage } from "./storefront/render-product-page.ts";
import { orderStatusKey } from "./storefront/storefront-urls.ts";
import { storefrontLocale } from "./storefront/storefront-locale.ts";

export const ASSET_BASE = "/extensions/assets";
export { PROXY_PREFIX };

export interface StorefrontRoutesOptions extends AppProxyTarget {
  /** Shop shown when a URL names none (`?shop=`): the first one otherwise. */
  defaultShop?: string;
  /** The merchant's theme-editor settings of the app blocks (e.g. notify-me asking for a phone). */
  blockSettings?: () => BlockSettings | undefined;
}

/**
 * A shop's storefront as the theme would serve it: a product index, product pages with the app's
 * theme blocks, the extension's assets, and the app proxy (`/apps/backorder/*` → `/proxy/*`).
 */
export function createStorefrontRoutes(opts: StorefrontRoutesOptions): express.Router {
  const router = express.Router();
  const shopOf = (req: Request) => resolveShop(opts, req);

  router.get("/", (req, res) => {
    const shop = shopOf(req);
    if (!shop) return void res.status(404).type("text/plain").send("No shop yet");
    const state = opts.sim.exportState();
    const items = state.products
      .filter((p) => p.shopDomain === shop && p.status === "ACTIVE")
      .map((p) => {
        const image = p.imageUrl
          ? `<img src="${escapeHtml(p.imageUrl)}" alt="" width="48" height="48" loading="lazy"> `
          : "";
        return `<li><a href="/products/${encodeURIComponent(p.handle)}">${image}${escapeHtml(p.title)}</a></li>`;
      });
    const name = state.shops.find((s) => s.domain === shop)?.name ?? shop;
    res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(name)}</title><style>body{font-family:system-ui,sans-serif;margin:2rem}
li{list-style:none;margin:.5rem 0}li img{vertical-align:middle;border-radius:4px;margin-right:.5rem}</style></head>
<body><h1>${escapeHtml(name)}</h1><p>Simulated storefront of ${escapeHtml(shop)} · <a href="/console">Shop console</a></p>
<ul>${items.join("\n")}</ul></body></html>`);
  });

  router.get("{/:locale}/products/:handle", async (req, res) => {
    const shop = shopOf(req);
    const state = opts.sim.exportState();
    const product = shop ? buildStorefrontProduct(state, shop, String(req.params.handle)) : null;
    const shopRecord = state.shops.find((s) => s.domain === shop);
    const locale = shopRecord ? storefrontLocale(shopRecord, req.params.locale) : null;
    if (!product || !shopRecord || !locale)
      return void res.status(404).type("text/plain").send("Product not found");
    const variant = typeof req.query.variant === "string" ? req.query.variant : undefined;
    const html = await renderProductPage({
      shop: {
        name: shopRecord.name,
        domain: shopRecord.domain,
        locale: shopRecord.locale,
        metafields: shopAppMetafields(state, shopRecord.id),
      },
      locale,
      product,
      selectedVariantId: variant,
      assetBaseUrl: ASSET_BASE,
      ...(opts.blockSettings?.() ? { blockSettings: opts.blockSettings()! } : {}),
    });
    res.type("html").set("Cache-Control", "no-store").send(html);
  });

  // The order status page an order's `order_status_url` opens (the simulator's "store" is here).
  router.get("/:shopId/orders/:orderId/authenticate", (req, res) => {
    const state = opts.sim.exportState();
    const shop = state.shops.find((s) => String(s.id) === req.params.shopId);
    const order = state.orders.find(
      (o) => String(o.id) === req.params.orderId && o.shopDomain === shop?.domain,
    );
    const key = typeof req.query.key === "string" ? req.query.key : "";
    if (!shop || !order || key !== orderStatusKey(opts.apiSecret, order.id)) {
      return void res.status(404).type("text/plain").send("Order not found");
    }
    res.type("html").set("Cache-Control", "no-store").send(renderOrderStatusPage(shop, order));
  });

  // A stand-in for customer accounts: /account/login?customer_id=123 "logs in" customer 123 (a
  // cookie the app proxy turns into logged_in_customer_id), /account/logout forgets it.
  router.get("/account/login", (req, res) => {
    const id = typeof req.query.customer_id === "string" ? req.query.customer_id : "";
    const back =
      typeof req.query.return_url === "string" && req.query.return_url.startsWith("/")
        ? req.query.return_url
        : "/";
    if (!/^\d{1,20}$/.test(id))
      return void res
        .type("html")
        .send(
          `<!doctype html><title>Log in</title><form method="get"><label>Customer id <input name="customer_id" inputmode="numeric"></label><input type="hidden" name="return_url" value="${escapeHtml(back)}"><button>Log in</button></form>`,
        );
    res.set("Set-Cookie", `${CUSTOMER_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`).redirect(back);
  });
  router.get("/account/logout", (_req, res) => {
    res.set("Set-Cookie", `${CUSTOMER_COOKIE}=; Path=/; Max-Age=0`).redirect("/");
  });

  router.get(`${ASSET_BASE}/:name`, async (req, res) => {
    const asset = await readExtensionAsset(String(req.params.name));
    if (!asset) return void res.status(404).type("text/plain").send("Not found");
    res.type(asset.contentType).send(asset.body);
  });

  router.use(
    createCartRoutes({
      sim: opts.sim,
      assetBaseUrl: ASSET_BASE,
      shopOf,
      productOf: buildStorefrontProduct,
    }),
  );

  router.all(`${PROXY_PREFIX}/{*rest}`, express.raw({ type: "*/*", limit: "1mb" }), async (req, res) => {
    await forwardToAppProxy(opts, req, res, shopOf(req));
  });
  return router;
}

/** `?shop=` on the page, or on the page that made the request (the proxy's Referer), or the default. */
function resolveShop(opts: StorefrontRoutesOptions, req: Request): string | undefined {
  const fromQuery = typeof req.query.shop === "string" ? req.query.shop : undefined;
  let fromReferer: string | undefined;
  try {
    fromReferer = new URL(req.get("Referer") ?? "").searchParams.get("shop") ?? undefined;
  } catch {
    fromReferer = undefined;
  }
  return fromQuery ?? fromReferer ?? opts.defaultShop ?? opts.sim.listShops()[0]?.domain;
}
