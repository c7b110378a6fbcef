import express, { type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { hitRateCountersInTurn } from "../limits/hit-rate-counter.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { lookUpAlertsLink, openAlertsLink, requestAlertsLink } from "./alerts-link.ts";
import { ALERTS_LINK_HOURS, ALERTS_LINK_LIMITS, GUEST_SESSION_MINUTES } from "./alerts-link-state.ts";
import { alertsBasePath, sendAlertsPage } from "./alerts-page-response.ts";
import { hashedCounterValue } from "./check-signup-rate-limit.ts";
import { cancelShopperAlert, listShopperAlerts } from "./list-shopper-alerts.ts";
import { normalizeEmail } from "./normalize-email.ts";
import { renderAlertsMessage, renderAlertsPage } from "./render-alerts-page.ts";
import {
  signAlertCancelToken,
  signGuestSession,
  verifyAlertCancelToken,
  verifyAlertLinkToken,
  verifyGuestSession,
} from "./subscription-tokens.ts";

const LINK_SENT =
  "If this address has back-in-stock alerts at this shop, we've emailed it a link to them. " +
  `The link works once, within ${ALERTS_LINK_HOURS} hours.`;

const LINK_PAGES = {
  not_found: [404, "Link not found", "This link is not valid. Ask for a new one on the alerts page."],
  used: [410, "This link was already used", "Each link works once. Ask for a new one on the alerts page."],
  expired: [
    410,
    "This link has expired",
    `Links work for ${ALERTS_LINK_HOURS} hours. Ask for a new one on the alerts page.`,
  ],
} as const;

/**
 * The guest part of the alerts page (docs/shoppers.md): POST /alerts/link emails a one-use link
 * (the same answer whether or not the address has alerts); GET /alerts/access/:token shows a
 * button and changes nothing (mail scanners follow GET and HEAD); its POST uses the link up and
 * shows the address's alerts with a signed session (an hour) that the cancel buttons carry.
 */
export function guestAlertsRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "2kb", verify: refuseNulBody("form") });
  const secret = () => deps.config.apiSecrets[0]!;
  const field = (body: unknown, name: string) => {
    const value = (body as Record<string, unknown> | undefined)?.[name];
    return typeof value === "string" ? value : "";
  };
  const cancelOwner = (email: string) => `email:${email}`;

  async function showAlerts(
    res: Response,
    session: { shopId: string; email: string; expiresAt: Date },
    notice?: string,
    status = 200,
  ) {
    const token = signGuestSession(secret(), session);
    const alerts = await listShopperAlerts(deps, session.shopId, { email: session.email }, (id) =>
      signAlertCancelToken(secret(), cancelOwner(session.email), id),
    );
    sendAlertsPage(
      res,
      status,
      renderAlertsPage({
        basePath: alertsBasePath(res),
        alerts,
        guestSession: token,
        ...(notice ? { notice } : {}),
      }),
    );
  }

  function linkPage(res: Response, state: keyof typeof LINK_PAGES) {
    const [status, title, message] = LINK_PAGES[state];
    sendAlertsPage(res, status, renderAlertsMessage({ title, message }));
  }

  router.post("/alerts/link", form, async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const basePath = alertsBasePath(res);
    const email = normalizeEmail(field(req.body, "email"));
    if (!email)
      return sendAlertsPage(
        res,
        422,
        renderAlertsPage({ basePath, alerts: "log_in", notice: "Enter a valid email address." }),
      );
    // Counted before anything is looked up: a refusal says nothing about the address either.
    const verdict = await hitRateCountersInTurn(deps.sql, [
      {
        key: `alerts-link:ip:${shop.id}:${req.ip ?? "unknown"}`,
        ...ALERTS_LINK_LIMITS.ip,
      },
      { key: `alerts-link:email:${shop.id}:${hashedCounterValue(email)}`, ...ALERTS_LINK_LIMITS.email },
    ]);
    if (!verdict.ok) {
      res.set("Retry-After", String(Math.max(1, Math.ceil(verdict.hit.msUntilWindowEnd / 1000))));
      return sendAlertsPage(
        res,
        429,
        renderAlertsPage({
          basePath,
          alerts: "log_in",
          notice: "Too many links asked for. Try again later.",
        }),
      );
    }
    await requestAlertsLink(deps, shop.id, email, deps.now());
    sendAlertsPage(res, 200, renderAlertsMessage({ title: "Check your inbox", message: LINK_SENT }));
  });

  router.get("/alerts/access/:token", async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const linkId = verifyAlertLinkToken(deps.config.apiSecrets, req.params.token);
    if (!linkId) return linkPage(res, "not_found");
    const { state } = await lookUpAlertsLink(deps.db, shop.id, linkId, deps.now());
    if (state !== "ready") return linkPage(res, state);
    sendAlertsPage(
      res,
      200,
      renderAlertsMessage({
        title: "Your back-in-stock alerts",
        message: "Open the list of your alerts at this shop? This link works once.",
        form: { action: `${alertsBasePath(res)}/access/${req.params.token}`, button: "Show my alerts" },
      }),
    );
  });

  router.post("/alerts/access/:token", form, async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const linkId = verifyAlertLinkToken(deps.config.apiSecrets, req.params.token);
    if (!linkId) return linkPage(res, "not_found");
    const now = deps.now();
    const opened = await openAlertsLink(deps.db, shop.id, linkId, now);
    if (opened.state !== "opened") return linkPage(res, opened.state);
    const expiresAt = new Date(now.getTime() + GUEST_SESSION_MINUTES * 60_000);
    await showAlerts(res, { shopId: shop.id, email: opened.email, expiresAt });
  });

  router.post("/alerts/guest/cancel", form, async (req, res) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const session = verifyGuestSession(deps.config.apiSecrets, field(req.body, "session"), deps.now());
    if (!session || session.shopId !== shop.id)
      return sendAlertsPage(
        res,
        401,
        renderAlertsPage({
          basePath: alertsBasePath(res),
          alerts: "log_in",
          notice: "This page has timed out. Ask for a new link to manage your alerts.",
        }),
      );
    const id = verifyAlertCancelToken(
      deps.config.apiSecrets,
      cancelOwner(session.email),
      field(req.body, "token"),
    );
    if (!id) return showAlerts(res, session, "That alert could not be cancelled.", 403);
    const done = await cancelShopperAlert(deps, shop.id, { email: session.email }, id);
    await showAlerts(res, session, done ? "Alert cancelled." : "That alert was already cancelled or sent.");
  });
  return router;
}
