import express from "express";
import type { Request, Response } from "express";
import type { SimState } from "../persist-state.ts";
import type { Simulator } from "../simulator-types.ts";
import { SimError } from "../store/sim-error.ts";
import { addCartLine, parseCartAdd } from "./cart-lines.ts";
import { cartTokenOf, createCartStore } from "./cart-store.ts";
import type { StorefrontCart } from "./cart-store.ts";
import { escapeHtml } from "./escape-html.ts";
import { renderCartPage } from "./render-cart-page.ts";
import { renderCheckoutPage } from "./render-checkout-page.ts";
import type { CheckoutLine } from "./render-checkout-page.ts";
import { storefrontLocale } from "./storefront-locale.ts";
import type { StorefrontProduct } from "./to-liquid-product.ts";

export interface CartRoutesOptions {
  sim: Simulator;
  assetBaseUrl: string;
  /** The shop a request is for, when no cart names it. */
  shopOf: (req: Request) => string | undefined;
  /** A product of the saved state as the storefront shows it, with its `$app` metafields. */
  productOf: (state: SimState, shop: string, handle: string) => StorefrontProduct | null;
}

const form = express.urlencoded({ extended: false, limit: "64kb", parameterLimit: 200 });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The storefront's cart and Shopify's checkout: `/cart/add` from the product form (line item
 * properties included), `/cart` with the app's cart block, and a checkout whose "Pay now" places
 * the order, so orders/create carries each line's `properties`. A `/{locale}` prefix serves a
 * published alternate language.
 */
export function createCartRoutes(opts: CartRoutesOptions): express.Router {
  const router = express.Router();
  const carts = createCartStore();

  const storefront = (req: Request, res: Response) => {
    const cart = carts.find(cartTokenOf(req.get("Cookie")));
    const domain = cart?.shop ?? opts.shopOf(req);
    const state = opts.sim.exportState();
    const shop = state.shops.find((s) => s.domain === domain);
    const prefix = typeof req.params.locale === "string" ? req.params.locale : undefined;
    const locale = shop ? storefrontLocale(shop, prefix) : null;
    if (!shop || !locale) return void res.status(404).type("text/plain").send("Page not found");
    const root = locale === shop.locale ? "" : `/${locale}`;
    return { shop, state, locale, root };
  };

  router.post("{/:locale}/cart/add", form, (req, res) => {
    const where = storefront(req, res);
    if (!where) return;
    const parsed = parseCartAdd((req.body ?? {}) as Record<string, unknown>);
    if (!parsed.ok) return void sendError(res, 422, parsed.error);
    const found = findProduct(where.state, where.shop.domain, parsed.line.variantId, opts);
    const variant = found?.product.variants.find((v) => v.id === parsed.line.variantId);
    if (!variant) return void sendError(res, 422, "This variant is not for sale.");
    if (!variant.available) return void sendError(res, 422, `${found!.product.title} is sold out.`);
    const cart = carts.open(cartTokenOf(req.get("Cookie")), where.shop.domain, where.locale);
    cart.locale = where.locale;
    cart.lines = addCartLine(cart.lines, parsed.line);
    res.cookie("cart", cart.token, { httpOnly: true, sameSite: "lax", path: "/" });
    res.redirect(302, `${where.root}/cart`);
  });

  router.get("{/:locale}/cart", async (req, res) => {
    const where = storefront(req, res);
    if (!where) return;
    const cart = carts.find(cartTokenOf(req.get("Cookie")), where.shop.domain);
    const lines = cart && cart.orderId === undefined ? cart.lines : [];
    const html = await renderCartPage({
      shop: { name: where.shop.name, domain: where.shop.domain, locale: where.shop.locale },
      locale: where.locale,
      assetBaseUrl: opts.assetBaseUrl,
      items: lines.flatMap((line) => {
        const found = findProduct(where.state, where.shop.domain, line.variantId, opts);
        return found ? [{ line, product: found.product }] : [];
      }),
    });
    res.type("html").set("Cache-Control", "no-store").send(html);
  });

  // The cart form's "Check out" button: Shopify sends the buyer to the checkout in their language.
  router.post("{/:locale}/cart", form, (req, res) => {
    const where = storefront(req, res);
    if (!where) return;
    const cart = carts.find(cartTokenOf(req.get("Cookie")), where.shop.domain);
    if (!cart || cart.orderId !== undefined || cart.lines.length === 0)
      return void res.redirect(302, `${where.root}/cart`);
    res.redirect(302, `/checkouts/cn/${cart.token}?locale=${encodeURIComponent(cart.locale)}`);
  });

  router.get("/checkouts/cn/:token", (req, res) => {
    const cart = carts.find(String(req.params.token));
    if (!cart) return void sendError(res, 404, "This checkout does not exist.");
    if (cart.orderId !== undefined) return void res.redirect(302, `/checkouts/cn/${cart.token}/thank-you`);
    sendCheckout(res, 200, cart, {});
  });

  router.post("/checkouts/cn/:token", form, (req, res) => {
    const cart = carts.find(String(req.params.token));
    if (!cart) return void sendError(res, 404, "This checkout does not exist.");
    if (cart.orderId !== undefined) return void res.redirect(302, `/checkouts/cn/${cart.token}/thank-you`);
    const email = typeof req.body?.email === "string" ? req.body.email.trim() : "";
    if (!EMAIL.test(email) || email.length > 254)
      return void sendCheckout(res, 422, cart, { email, error: "Enter a valid email address." });
    try {
      const order = opts.sim.placeOrder(cart.shop, {
        email,
        locale: cart.locale,
        lines: cart.lines.map((line) => ({
          variantId: line.variantId,
          quantity: line.quantity,
          properties: line.properties.map(([name, value]) => ({ name, value })),
        })),
      });
      cart.orderId = order.id;
    } catch (error) {
      if (!(error instanceof SimError)) throw error;
      return void sendCheckout(res, 422, cart, { email, error: error.message });
    }
    res.redirect(302, `/checkouts/cn/${cart.token}/thank-you`);
  });

  router.get("/checkouts/cn/:token/thank-you", (req, res) => {
    const cart = carts.find(String(req.params.token));
    const state = opts.sim.exportState();
    const order = cart && state.orders.find((o) => o.id === cart.orderId && o.shopDomain === cart.shop);
    if (!order) return void sendError(res, 404, "This order does not exist.");
    const lines: CheckoutLine[] = order.lineItems.map((line) => ({
      title: line.title,
      variantTitle: line.variantTitle,
      quantity: line.quantity,
      price: line.price,
      properties: (line.properties ?? []).map((p) => [p.name, p.value]),
    }));
    const shopName = state.shops.find((s) => s.domain === order.shopDomain)?.name ?? order.shopDomain;
    res
      .type("html")
      .send(renderCheckoutPage({ shopName, locale: order.locale, lines, orderName: order.name }));
  });

  const sendCheckout = (
    res: Response,
    status: number,
    cart: StorefrontCart,
    extra: { email?: string; error?: string },
  ) => {
    const state = opts.sim.exportState();
    const lines = cart.lines.flatMap((line): CheckoutLine[] => {
      const found = findProduct(state, cart.shop, line.variantId, opts);
      const variant = found?.product.variants.find((v) => v.id === line.variantId);
      if (!found || !variant) return [];
      const price = typeof variant.price === "number" ? variant.price.toFixed(2) : variant.price;
      const { quantity, properties } = line;
      return [{ title: found.product.title, variantTitle: variant.title, quantity, price, properties }];
    });
    const shopName = state.shops.find((s) => s.domain === cart.shop)?.name ?? cart.shop;
    const html = renderCheckoutPage({
      shopName,
      locale: cart.locale,
      lines,
      action: `/checkouts/cn/${cart.token}`,
      ...extra,
    });
    res.status(status).type("html").set("Cache-Control", "no-store").send(html);
  };
  return router;
}

function findProduct(state: SimState, shop: string, variantId: string, opts: CartRoutesOptions) {
  const record = state.products.find(
    (p) => p.shopDomain === shop && p.variantIds.some((id) => id.toString() === variantId),
  );
  const product = record ? opts.productOf(state, shop, record.handle) : null;
  return product ? { product } : null;
}

function sendError(res: Response, status: number, message: string): void {
  res.status(status).type("html")
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
<body><p role="alert">${escapeHtml(message)}</p><p><a href="/cart">Back to the cart</a></p></body></html>`);
}
