import express, { type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { describeConfirmSubject } from "./confirm-subscription.ts";
import { renderAlertsPage, type ShopperAlert } from "./render-alerts-page.ts";
import { signAlertCancelToken, verifyAlertCancelToken } from "./subscription-tokens.ts";

const LIVE = ["PENDING", "ACTIVE"] as const;

/**
 * The shopper alerts page, /apps/backorder/alerts through the app proxy (docs/shoppers.md):
 * answered as application/liquid so Shopify renders it inside the shop's theme. A logged-in
 * customer (the signed logged_in_customer_id) sees their live alerts and cancels any.
 */
export function shopperAlertsRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const send = (res: Response, status: number, body: string) =>
    res.status(status).set("Cache-Control", "no-store").type("application/liquid").send(body);
  const basePath = (res: Response) =>
    `${(res.locals as ProxyLocals).proxy.query.get("path_prefix") ?? "/apps/backorder"}/alerts`;

  async function listFor(shopId: string, customerId: string): Promise<ShopperAlert[]> {
    const subs = await deps.db.subscription.findMany({
      where: { shopId, customerId: BigInt(customerId), status: { in: [...LIVE] } },
      include: { shop: { select: { name: true, domain: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    const secret = deps.config.apiSecrets[0]!;
    return Promise.all(
      subs.map(async (sub) => {
        const subject = await describeConfirmSubject(deps.db, sub);
        return {
          productTitle: subject.productTitle,
          variantTitle: subject.variantTitle,
          status: sub.status as ShopperAlert["status"],
          createdAt: sub.createdAt,
          cancelToken: signAlertCancelToken(secret, customerId, sub.id),
        };
      }),
    );
  }

  router.get("/alerts", async (_req, res) => {
    const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
    if (!loggedInCustomerId)
      return send(res, 200, renderAlertsPage({ basePath: basePath(res), alerts: "log_in" }));
    send(
      res,
      200,
      renderAlertsPage({ basePath: basePath(res), alerts: await listFor(shop.id, loggedInCustomerId) }),
    );
  });

  router.post(
    "/alerts/cancel",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
      if (!loggedInCustomerId)
        return send(res, 401, renderAlertsPage({ basePath: basePath(res), alerts: "log_in" }));
      const token = typeof req.body?.token === "string" ? req.body.token : "";
      const id = verifyAlertCancelToken(deps.config.apiSecrets, loggedInCustomerId, token);
      let notice = "That alert could not be cancelled.";
      let status = 403;
      if (id) {
        // Only this customer's own live alert: the token names it, the query checks it still is.
        const { count } = await deps.db.subscription.updateMany({
          where: { id, shopId: shop.id, customerId: BigInt(loggedInCustomerId), status: { in: [...LIVE] } },
          data: { status: "UNSUBSCRIBED", unsubscribedAt: deps.now(), activeKey: null },
        });
        notice = count === 1 ? "Alert cancelled." : "That alert was already cancelled or sent.";
        status = 200;
      }
      send(
        res,
        status,
        renderAlertsPage({
          basePath: basePath(res),
          notice,
          alerts: await listFor(shop.id, loggedInCustomerId),
        }),
      );
    },
  );
  return router;
}
