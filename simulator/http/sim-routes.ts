import express from "express";
import type { Request, Response } from "express";
import { toConsoleJson, parseLossless } from "../json.ts";
import { seedDemoShop } from "../seed-demo-shop.ts";
import { SimError } from "../store/sim-error.ts";
import type { DropRule } from "../webhooks/webhook-types.ts";
import type { HttpDeps } from "./create-http-app.ts";

type Body = Record<string, unknown>;

/**
 * JSON endpoints for the playground console. Responses write ids as strings (browsers would round
 * big numbers); requests may send ids as strings or raw integers.
 */
export function createSimRoutes({ sim }: HttpDeps): express.Router {
  const router = express.Router();
  router.use(express.text({ type: "*/*", limit: "2mb" }));
  const body = (req: Request): Body =>
    typeof req.body === "string" && req.body.trim() ? (parseLossless(req.body) as Body) : {};
  const send = (res: Response, value: unknown, status = 200) =>
    res
      .status(status)
      .type("application/json")
      .send(toConsoleJson(value ?? null));
  const route =
    (handler: (req: Request) => unknown | Promise<unknown>, status = 200) =>
    async (req: Request, res: Response) =>
      send(res, await handler(req), status);
  const p = (req: Request, name: string) => String(req.params[name]);

  router.get(
    "/shops",
    route(() => sim.listShops()),
  );
  router.post(
    "/shops",
    route((req) => sim.createShop(body(req)), 201),
  );
  router.post(
    "/seed",
    route((req) => seedDemoShop(sim, body(req)), 201),
  );
  router.get(
    "/shops/:shop",
    route((req) => {
      const shop = sim.getShop(p(req, "shop"));
      if (!shop) throw new SimError(`unknown shop ${p(req, "shop")}`, 404);
      return { shop, products: sim.listProducts(shop.domain), orders: sim.listOrders(shop.domain) };
    }),
  );
  router.post(
    "/shops/:shop/products",
    route((req) => sim.createProduct(p(req, "shop"), body(req) as never), 201),
  );
  router.patch(
    "/shops/:shop/products/:id",
    route((req) => sim.updateProduct(p(req, "shop"), p(req, "id"), body(req))),
  );
  router.delete(
    "/shops/:shop/products/:id",
    route((req) => sim.deleteProduct(p(req, "shop"), p(req, "id"))),
  );
  router.post(
    "/shops/:shop/orders",
    route((req) => sim.placeOrder(p(req, "shop"), body(req) as never), 201),
  );
  router.post(
    "/shops/:shop/orders/:id/fulfill",
    route((req) => sim.fulfillOrder(p(req, "shop"), p(req, "id"), body(req).lines as never)),
  );
  router.post(
    "/shops/:shop/orders/:id/cancel",
    route((req) => sim.cancelOrder(p(req, "shop"), p(req, "id"), { restock: body(req).restock !== false })),
  );
  router.post(
    "/shops/:shop/inventory",
    route((req) => {
      const b = body(req) as {
        inventoryItemId: string;
        locationId: string;
        available?: number;
        delta?: number;
      };
      return typeof b.delta === "number"
        ? sim.adjustInventory(p(req, "shop"), b.inventoryItemId, b.locationId, b.delta)
        : sim.setInventory(p(req, "shop"), b.inventoryItemId, b.locationId, Number(b.available));
    }),
  );
  router.post(
    "/shops/:shop/uninstall",
    route((req) => sim.uninstallApp(p(req, "shop"))),
  );
  router.post(
    "/shops/:shop/compliance",
    route((req) => {
      const b = body(req) as { topic: string; payload?: Body };
      return sim.sendComplianceWebhook(b.topic, p(req, "shop"), b.payload);
    }),
  );
  router.post(
    "/shops/:shop/access-token",
    route((req) => ({ accessToken: sim.issueAccessToken(p(req, "shop")) }), 201),
  );
  router.post(
    "/shops/:shop/session-token",
    route(
      async (req) => ({
        token: await sim.mintSessionToken({ shop: p(req, "shop"), ...(body(req) as { sub?: string }) }),
      }),
      201,
    ),
  );
  router.get(
    "/deliveries",
    route(() => sim.deliveries),
  );
  router.get(
    "/graphql-log",
    route(() => sim.graphqlLog),
  );
  router.post(
    "/webhooks/pause",
    route(() => sim.webhooks.pause()),
  );
  router.post(
    "/webhooks/resume",
    route(() => sim.webhooks.resume()),
  );
  router.post(
    "/webhooks/flush",
    route((req) => sim.webhooks.flush(body(req) as { shuffle?: boolean; duplicateRate?: number })),
  );
  router.get(
    "/webhooks/drop",
    route(() => ({ rules: sim.webhooks.dropRules(), dropped: sim.webhooks.dropped() })),
  );
  router.post(
    "/webhooks/drop",
    route((req) => sim.webhooks.drop(dropRule(body(req))), 201),
  );
  router.delete(
    "/webhooks/drop",
    route(() => sim.webhooks.clearDropRules()),
  );
  router.post(
    "/webhooks/dropped/:webhookId/deliver",
    route((req) => sim.webhooks.deliverLate(p(req, "webhookId"))),
  );
  router.post(
    "/deliveries/:webhookId/redeliver",
    route((req) => sim.webhooks.redeliver(p(req, "webhookId"))),
  );
  return router;
}

/** A drop rule from a request: each field optional, ids as strings, count a positive integer. */
function dropRule(b: Body): DropRule {
  const text = (name: string) => {
    const value = b[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint")
      throw new SimError(`${name} must be a string`);
    return String(value);
  };
  const count = b.count === undefined || b.count === null || b.count === "" ? undefined : Number(b.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    throw new SimError("count must be a positive integer");
  const rule: DropRule = {};
  const topic = text("topic");
  const shop = text("shop");
  const orderId = text("orderId");
  if (topic !== undefined) rule.topic = topic;
  if (shop !== undefined) rule.shop = shop;
  if (orderId !== undefined) rule.orderId = orderId;
  if (count !== undefined) rule.count = count;
  return rule;
}
