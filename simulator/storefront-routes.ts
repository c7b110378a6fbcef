import express from "express";
import type { BlockSettings } from "./storefront/render-app-block.ts";
import type { Request, Response } from "express";
import { gid } from "./gid.ts";
import type { SimState } from "./persist-state.ts";
import { signAppProxyQuery } from "./sign-app-proxy-query.ts";
import type { Simulator } from "./simulator-types.ts";
import { createCartRoutes } from "./storefront/cart-routes.ts";
import { escapeHtml } from "./storefront/escape-html.ts";
import { readExtensionAsset } from "./storefront/read-extension-asset.ts";
import { renderOrderStatusPage } from "./storefront/render-order-status-page.ts";
import { renderProductPage } from "./storefront/render-product-page.ts";
import { renderProxyLiquidPage } from "./storefront/render-proxy-page.ts";
import { orderStatusKey } from "./storefront/storefront-urls.ts";
import type { StorefrontProduct } from "./storefront/render-product-page.ts";
import { storefrontLocale } from "./storefront/storefront-locale.ts";

export const ASSET_BASE = "/extensions/assets";
/** shopify.app.toml's [app_proxy]: prefix "apps", subpath "backorder". */
export const PROXY_PREFIX = "/apps/backorder";

export interface StorefrontRoutesOptions {
  sim: Simulator;
  apiSecret: string;
  /** Where the app runs; the proxy forwards to `${appUrl}/proxy/...`. */
  appUrl: () => string | undefined;
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

/**
 * The shop's app-owned metafields as Liquid shows them (`shop.metafields['$app'].key.value`), e.g.
 * the notify-me block's signup channels the app writes.
 */
function shopAppMetafields(state: SimState, shopId: bigint | string) {
  const owner = gid("Shop", shopId);
  const namespace = `app--${state.appId}`;
  const app: Record<string, { type: string; value: string }> = {};
  for (const m of state.metafields)
    if (m.ownerGid === owner && m.namespace === namespace) app[m.key] = { type: m.type, value: m.value };
  return { $app: app };
}

/** Shapes a product of the saved state for the Liquid renderer, with the `$app` metafields. */
export function buildStorefrontProduct(
  state: SimState,
  shop: string,
  handle: string,
): StorefrontProduct | null {
  const product = state.products.find((p) => p.shopDomain === shop && p.handle === handle);
  if (!product || product.status !== "ACTIVE") return null;
  const namespace = `app--${state.appId}`;
  const variants = product.variantIds.flatMap((id) => {
    const variant = state.variants.find((v) => v.id === id);
    if (!variant) return [];
    const item = state.inventoryItems.find((i) => i.id === variant.inventoryItemId);
    const tracked = item?.tracked ?? true;
    const quantity = state.levels
      .filter((l) => l.inventoryItemId === variant.inventoryItemId)
      .reduce((sum, l) => sum + l.available, 0);
    const owner = gid("ProductVariant", variant.id);
    const mf = (key: string) =>
      state.metafields.find((m) => m.ownerGid === owner && m.namespace === namespace && m.key === key)?.value;
    const backordered = mf("backordered");
    const eta = mf("eta");
    const message = mf("message");
    return [
      {
        id: variant.id.toString(),
        title: variant.title,
        price: variant.price,
        available: !tracked || quantity > 0 || variant.inventoryPolicy === "CONTINUE",
        inventoryQuantity: quantity,
        inventoryPolicy: variant.inventoryPolicy,
        tracked,
        metafields: {
          ...(eta !== undefined ? { eta } : {}),
          ...(message !== undefined ? { message } : {}),
          ...(backordered !== undefined ? { backordered: backordered === "true" } : {}),
        },
      },
    ];
  });
  return {
    id: product.id.toString(),
    title: product.title,
    handle: product.handle,
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    variants,
  };
}

// Like Shopify's proxy: no cookies either way, the shopper's address in X-Forwarded-For, and a
// freshly signed query naming the shop (an anonymous shopper: empty logged_in_customer_id).
const CUSTOMER_COOKIE = "sim_customer_id";

/** The simulated storefront's logged-in customer: the numeric id in its cookie, else none. */
function simCustomerId(req: Request): string | null {
  for (const part of (req.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === CUSTOMER_COOKIE && value && /^\d{1,20}$/.test(value)) return value;
  }
  return null;
}

async function forwardToAppProxy(
  opts: StorefrontRoutesOptions,
  req: Request,
  res: Response,
  shop: string | undefined,
): Promise<void> {
  const appUrl = opts.appUrl();
  if (!appUrl || !shop) return void res.status(502).type("text/plain").send("The app is not reachable");
  const incoming = new URL(req.originalUrl, "http://storefront.invalid");
  const params: Record<string, string[]> = {};
  for (const [key, value] of incoming.searchParams) params[key] = [...(params[key] ?? []), value];
  Object.assign(params, {
    shop: [shop],
    // A customer "logged in" to the simulated storefront (cookie set by /account/login).
    logged_in_customer_id: [simCustomerId(req) ?? ""],
    path_prefix: [PROXY_PREFIX],
    timestamp: [String(Math.floor(Date.now() / 1000))],
  });
  const query = new URLSearchParams();
  for (const [key, values] of Object.entries(params)) for (const v of values) query.append(key, v);
  query.append("signature", signAppProxyQuery(params, opts.apiSecret));
  const path = incoming.pathname.slice(PROXY_PREFIX.length);
  const headers: Record<string, string> = {
    "X-Forwarded-For": req.ip ?? "127.0.0.1",
    "X-Forwarded-Host": req.get("Host") ?? shop,
  };
  for (const name of ["content-type", "accept", "accept-language", "user-agent"]) {
    const value = req.get(name);
    if (value) headers[name] = value;
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body);
  try {
    const answer = await fetch(`${appUrl}/proxy${path}?${query}`, {
      method: req.method,
      headers,
      body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
      redirect: "manual",
    });
    res.status(answer.status);
    if ((answer.headers.get("content-type") ?? "").startsWith("application/liquid")) {
      // Shopify renders a Liquid answer inside the shop's theme and serves it as HTML.
      const record = opts.sim.exportState().shops.find((s) => s.domain === shop);
      const html = await renderProxyLiquidPage({
        shop: { name: record?.name ?? shop, domain: shop, locale: record?.locale ?? "en" },
        liquid: await answer.text(),
        customerId: simCustomerId(req),
      });
      return void res.type("html").set("Cache-Control", "no-store").send(html);
    }
    for (const [name, value] of answer.headers) {
      if (
        !["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection"].includes(
          name,
        )
      )
        res.set(name, value);
    }
    res.send(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    res
      .status(502)
      .type("text/plain")
      .send(`App proxy error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
