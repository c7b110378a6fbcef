import { emitSubscriptionEvent } from "../integrations/events/subscription-events.ts";
import express, { type Request, type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { noFraming } from "../http/security-headers.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { confirmSubscription, lookUpConfirmToken, type ConfirmSubject } from "./confirm-subscription.ts";
import {
  resolvePageLocale,
  supportedLocales,
  type SupportedLocale,
} from "../emails/render/resolve-locale.ts";
import { linkPageStrings, type AskCopy, type LinkPageStrings, type PageCopy } from "./link-page-strings.ts";
import { renderLinkPage } from "./render-link-page.ts";
import { renewSubscription, lookUpRenewal } from "./renew-subscription.ts";
import { isLinkTokenShape, verifyRenewToken } from "./subscription-tokens.ts";
import { findUnsubscribeToken, unsubscribe } from "./unsubscribe.ts";

type ConfirmOutcome = keyof LinkPageStrings["confirm"];
type RenewOutcome = keyof LinkPageStrings["renew"] | "unsubscribed";

function fill(message: string, subject: { shopName: string; productTitle?: string; variantTitle?: string }) {
  const item = subject.variantTitle
    ? `${subject.productTitle} (${subject.variantTitle})`
    : (subject.productTitle ?? "");
  return message.replaceAll("{item}", () => item).replaceAll("{shop}", () => subject.shopName);
}

/**
 * Email links: GET and POST /subscriptions/confirm/:token, /subscriptions/renew/:token (the
 * "still interested?" email) and /unsubscribe/:token (RFC 8058).
 */
export function emailLinkRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(["/subscriptions/confirm", "/subscriptions/renew", "/unsubscribe"], noFraming());
  /** The email's language (the alert's locale), else the browser's, else English. */
  const langOf = (req: Request, stored?: string): SupportedLocale =>
    resolvePageLocale(stored, req.acceptsLanguages(...supportedLocales));
  const page = (
    res: Response,
    status: number,
    lang: SupportedLocale,
    [title, message]: PageCopy,
    form?: { action: string; button: string },
  ) => {
    res
      .status(status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(renderLinkPage({ lang, title, message, ...(form ? { form } : {}) }));
  };
  const askPage = (
    res: Response,
    lang: SupportedLocale,
    ask: AskCopy,
    subject: ConfirmSubject,
    action: string,
  ) => page(res, 200, lang, [ask.title, fill(ask.message, subject)], { action, button: ask.button });
  const notFound = (req: Request, res: Response) => {
    const lang = langOf(req);
    page(res, 404, lang, linkPageStrings[lang].notFound);
  };

  const confirmPage = (req: Request, res: Response, outcome: ConfirmOutcome, subject: ConfirmSubject) => {
    const lang = langOf(req, subject.locale);
    const [title, message] = linkPageStrings[lang].confirm[outcome];
    page(res, outcome === "expired" ? 410 : 200, lang, [title, fill(message, subject)]);
  };

  // GET (and HEAD) never confirm: link scanners follow them. The page names what the alert is
  // for and where, and its button POSTs.
  router.get("/subscriptions/confirm/:token", async (req, res) => {
    if (!isLinkTokenShape(req.params.token)) return notFound(req, res);
    const found = await lookUpConfirmToken(deps.db, req.params.token, deps.now());
    if (found.outcome === "not_found") return notFound(req, res);
    if (found.outcome !== "pending") return confirmPage(req, res, found.outcome, found);
    const lang = langOf(req, found.locale);
    askPage(res, lang, linkPageStrings[lang].confirmAsk, found, `/subscriptions/confirm/${req.params.token}`);
  });

  router.post(
    "/subscriptions/confirm/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      if (!isLinkTokenShape(req.params.token)) return notFound(req, res);
      const result = await confirmSubscription(deps.db, req.params.token, deps.now());
      if (result.outcome === "not_found") return notFound(req, res);
      if (result.outcome === "confirmed")
        await emitSubscriptionEvent(deps, "subscription.confirmed", { confirmToken: req.params.token });
      confirmPage(req, res, result.outcome, result);
    },
  );

  const renewPage = (req: Request, res: Response, outcome: RenewOutcome, subject: ConfirmSubject) => {
    const lang = langOf(req, subject.locale);
    const strings = linkPageStrings[lang];
    const [title, message] =
      outcome === "unsubscribed" ? strings.confirm.unsubscribed : strings.renew[outcome];
    page(res, outcome === "unconfirmed" ? 410 : 200, lang, [title, fill(message, subject)]);
  };
  const renewId = (token: string) => verifyRenewToken(deps.config.apiSecrets, token);

  // Like confirmation: GET (and HEAD) only show the button, the POST renews.
  router.get("/subscriptions/renew/:token", async (req, res) => {
    const id = renewId(req.params.token);
    if (!id) return notFound(req, res);
    const found = await lookUpRenewal(deps.db, id);
    if (found.outcome === "not_found") return notFound(req, res);
    if (found.outcome !== "renewable" && found.outcome !== "expired")
      return renewPage(req, res, found.outcome, found);
    const lang = langOf(req, found.locale);
    askPage(res, lang, linkPageStrings[lang].renewAsk, found, `/subscriptions/renew/${req.params.token}`);
  });

  router.post(
    "/subscriptions/renew/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      const id = renewId(req.params.token);
      if (!id) return notFound(req, res);
      const result = await renewSubscription(deps.db, id, deps.now());
      if (result.outcome === "not_found") return notFound(req, res);
      renewPage(req, res, result.outcome, result);
    },
  );

  const unsubscribedPage = (res: Response, lang: SupportedLocale, shopName: string) => {
    const [title, message] = linkPageStrings[lang].unsubscribed;
    page(res, 200, lang, [title, fill(message, { shopName })]);
  };

  // GET never unsubscribes: link scanners and prefetchers follow GETs. The page's button POSTs.
  router.get("/unsubscribe/:token", async (req, res) => {
    if (!isLinkTokenShape(req.params.token)) return notFound(req, res);
    const found = await findUnsubscribeToken(deps.db, req.params.token);
    if (found.outcome === "not_found") return notFound(req, res);
    const lang = langOf(req, found.locale);
    if (found.alreadyUnsubscribed) return unsubscribedPage(res, lang, found.shopName);
    const { title, message, button } = linkPageStrings[lang].unsubscribeAsk;
    page(res, 200, lang, [title, fill(message, found)], {
      action: `/unsubscribe/${req.params.token}`,
      button,
    });
  });

  // One-click (RFC 8058: body "List-Unsubscribe=One-Click") and the page's form both land here.
  router.post(
    "/unsubscribe/:token",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      if (!isLinkTokenShape(req.params.token)) return notFound(req, res);
      const result = await unsubscribe(deps.db, req.params.token, deps.now());
      if (result.outcome === "not_found") return notFound(req, res);
      await emitSubscriptionEvent(deps, "subscription.unsubscribed", { unsubscribeToken: req.params.token });
      unsubscribedPage(res, langOf(req, result.locale), result.shopName);
    },
  );
  return router;
}
