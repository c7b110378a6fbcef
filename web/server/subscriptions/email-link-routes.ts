import { emitSubscriptionEvent } from "../integrations/events/subscription-events.ts";
import express, { type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { noFraming } from "../http/security-headers.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { confirmSubscription, lookUpConfirmToken, type ConfirmSubject } from "./confirm-subscription.ts";
import { renderLinkPage } from "./render-link-page.ts";
import { renewSubscription, lookUpRenewal } from "./renew-subscription.ts";
import { isLinkTokenShape, verifyRenewToken } from "./subscription-tokens.ts";
import { findUnsubscribeToken, unsubscribe } from "./unsubscribe.ts";

const CONFIRM_MESSAGES = {
  confirmed: ["You're subscribed", "We'll email you once when {item} is back in stock at {shop}."],
  already_confirmed: [
    "You're subscribed",
    "This alert was already confirmed. We'll email you when {item} is back at {shop}.",
  ],
  expired: [
    "This link has expired",
    "Confirmation links are valid for 7 days. Sign up again on the product page of {item} at {shop}.",
  ],
  unsubscribed: [
    "You unsubscribed",
    "This address is unsubscribed from alerts of {shop}. Sign up again on the product page.",
  ],
} as const;

const RENEW_MESSAGES = {
  renewed: ["Your alert is renewed", "We'll let you know once when {item} is back in stock at {shop}."],
  already_live: ["You're subscribed", "You already have a live alert for {item} at {shop}."],
  notified: [
    "This alert was sent",
    "We already emailed you that {item} was back at {shop}. Sign up again on the product page for the next restock.",
  ],
  unsubscribed: CONFIRM_MESSAGES.unsubscribed,
  unconfirmed: ["This link has expired", "Sign up again on the product page of {item} at {shop}."],
} as const;

function fill(message: string, subject: ConfirmSubject): string {
  const item = subject.variantTitle
    ? `${subject.productTitle} (${subject.variantTitle})`
    : subject.productTitle;
  return message.replace("{item}", item).replace("{shop}", subject.shopName);
}

/**
 * Email links: GET and POST /subscriptions/confirm/:token, /subscriptions/renew/:token (the
 * "still interested?" email) and /unsubscribe/:token (RFC 8058).
 */
export function emailLinkRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(["/subscriptions/confirm", "/subscriptions/renew", "/unsubscribe"], noFraming());
  const page = (
    res: Response,
    status: number,
    title: string,
    message: string,
    form?: { action: string; button: string },
  ) => {
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(renderLinkPage({ title, message, ...(form ? { form } : {}) }));
  };
  const notFound = (res: Response) => page(res, 404, "Link not found", "This link is not valid any more.");

  const confirmPage = (res: Response, outcome: keyof typeof CONFIRM_MESSAGES, subject: ConfirmSubject) => {
    const [title, message] = CONFIRM_MESSAGES[outcome];
    page(res, outcome === "expired" ? 410 : 200, title, fill(message, subject));
  };

  // GET (and HEAD) never confirm: link scanners follow them. The page names what the alert is
  // for and where, and its button POSTs.
  router.get("/subscriptions/confirm/:token", async (req, res) => {
    if (!isLinkTokenShape(req.params.token)) return notFound(res);
    const found = await lookUpConfirmToken(deps.db, req.params.token, deps.now());
    if (found.outcome === "not_found") return notFound(res);
    if (found.outcome !== "pending") return confirmPage(res, found.outcome, found);
    page(
      res,
      200,
      "Confirm your back-in-stock alert",
      fill("Email me once when {item} is back in stock at {shop}?", found),
      { action: `/subscriptions/confirm/${req.params.token}`, button: "Yes, notify me" },
    );
  });

  router.post(
    "/subscriptions/confirm/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      if (!isLinkTokenShape(req.params.token)) return notFound(res);
      const result = await confirmSubscription(deps.db, req.params.token, deps.now());
      if (result.outcome === "not_found") return notFound(res);
      if (result.outcome === "confirmed")
        await emitSubscriptionEvent(deps, "subscription.confirmed", { confirmToken: req.params.token });
      confirmPage(res, result.outcome, result);
    },
  );

  const renewPage = (res: Response, outcome: keyof typeof RENEW_MESSAGES, subject: ConfirmSubject) => {
    const [title, message] = RENEW_MESSAGES[outcome];
    page(res, outcome === "unconfirmed" ? 410 : 200, title, fill(message, subject));
  };
  const renewId = (token: string) => verifyRenewToken(deps.config.apiSecrets, token);

  // Like confirmation: GET (and HEAD) only show the button, the POST renews.
  router.get("/subscriptions/renew/:token", async (req, res) => {
    const id = renewId(req.params.token);
    if (!id) return notFound(res);
    const found = await lookUpRenewal(deps.db, id);
    if (found.outcome === "not_found") return notFound(res);
    if (found.outcome !== "renewable" && found.outcome !== "expired")
      return renewPage(res, found.outcome, found);
    page(
      res,
      200,
      "Keep your back-in-stock alert",
      fill("Keep my alert for when {item} is back in stock at {shop}?", found),
      { action: `/subscriptions/renew/${req.params.token}`, button: "Yes, keep my alert" },
    );
  });

  router.post(
    "/subscriptions/renew/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      const id = renewId(req.params.token);
      if (!id) return notFound(res);
      const result = await renewSubscription(deps.db, id, deps.now());
      if (result.outcome === "not_found") return notFound(res);
      renewPage(res, result.outcome, result);
    },
  );

  // GET never unsubscribes: link scanners and prefetchers follow GETs. The page's button POSTs.
  router.get("/unsubscribe/:token", async (req, res) => {
    if (!isLinkTokenShape(req.params.token)) return notFound(res);
    const found = await findUnsubscribeToken(deps.db, req.params.token);
    if (found.outcome === "not_found") return notFound(res);
    if (found.alreadyUnsubscribed)
      return page(
        res,
        200,
        "You're unsubscribed",
        `You will not get alerts from ${found.shopName} any more.`,
      );
    page(res, 200, "Unsubscribe", `Stop back-in-stock alerts from ${found.shopName}?`, {
      action: `/unsubscribe/${req.params.token}`,
      button: "Unsubscribe",
    });
  });

  // One-click (RFC 8058: body "List-Unsubscribe=One-Click") and the page's form both land here.
  router.post(
    "/unsubscribe/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      if (!isLinkTokenShape(req.params.token)) return notFound(res);
      const result = await unsubscribe(deps.db, req.params.token, deps.now());
      if (result.outcome === "not_found") return notFound(res);
      await emitSubscriptionEvent(deps, "subscription.unsubscribed", { unsubscribeToken: req.params.token });
      page(res, 200, "You're unsubscribed", `You will not get alerts from ${result.shopName} any more.`);
    },
  );
  return router;
}
