import express, { type Request, type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import {
  resolvePageLocale,
  supportedLocales,
  type SupportedLocale,
} from "../emails/render/resolve-locale.ts";
import { noFraming } from "../http/security-headers.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { cancelPageStrings } from "./cancel-page-strings.ts";
import type { CancelRefusal } from "./plan-cancel-request.ts";
import { renderCancelPage } from "./render-cancel-page.ts";
import { loadCancelLink, requestCancellation, type CancelLinkState } from "./request-cancellation.ts";

type Page = Parameters<typeof renderCancelPage>[0] & { status: number };
type OpenLink = Extract<CancelLinkState, { kind: "open" }>;

const STATUS = { invalid: 400, unknown: 404, used: 409, nothing_open: 409 } as const;

/**
 * GET /backorders/cancel/:token shows the backordered items and a confirm button; POST records the
 * request for the merchant (once per link). 400 for a tampered token, 404 for an unknown order.
 * Pages speak the language of the email that carried the link, else the browser's, else English.
 */
export function cancelLinkRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use("/backorders/cancel", noFraming());
  const send = (res: Response, { status, ...page }: Page) =>
    res.status(status).set("Cache-Control", "no-store").type("html").send(renderCancelPage(page));

  const formPage = (req: Request, state: OpenLink, status: number, refusal?: CancelRefusal): Page => {
    const lang = langOf(req, state.locale);
    const strings = cancelPageStrings[lang];
    const { button, ...copy } = strings.form(state.orderName, state.shopName);
    return {
      status,
      lang,
      ...copy,
      ...(refusal ? { error: strings.refusal(refusal) } : {}),
      lines: state.lines,
      ofBackordered: strings.ofBackordered,
      form: { action: req.originalUrl, button },
    };
  };

  router.get("/backorders/cancel/:token", async (req, res) => {
    const state = await loadCancelLink(deps.db, deps.config.apiSecrets, req.params.token);
    if (state.kind !== "open") return void send(res, pageOf(req, state));
    send(res, formPage(req, state, 200));
  });

  const form = express.urlencoded({
    extended: false,
    limit: "16kb",
    parameterLimit: 200,
    verify: refuseNulBody("form"),
  });
  router.post("/backorders/cancel/:token", form, async (req, res) => {
    const fields = (req.body ?? {}) as Record<string, unknown>;
    const state = await requestCancellation(
      deps.db,
      deps.config.apiSecrets,
      req.params.token,
      fields,
      deps.now(),
    );
    if (state.kind === "refused") {
      // Shown with the form as it stands now, so the customer can correct the request.
      const now = await loadCancelLink(deps.db, deps.config.apiSecrets, req.params.token);
      if (now.kind !== "open") return void send(res, pageOf(req, now));
      return void send(res, formPage(req, now, 422, state.refusal));
    }
    if (state.kind !== "recorded") return void send(res, pageOf(req, state));
    const lang = langOf(req, state.locale);
    const copy = cancelPageStrings[lang].sent(state.shopName, state.units, state.orderName);
    send(res, { status: 200, lang, ...copy });
  });

  return router;
}

function langOf(req: Request, stored: string | null): SupportedLocale {
  return resolvePageLocale(stored, req.acceptsLanguages(...supportedLocales));
}

function pageOf(req: Request, state: Exclude<CancelLinkState, { kind: "open" }>): Page {
  const lang = langOf(req, "locale" in state ? state.locale : null);
  const strings = cancelPageStrings[lang];
  const status = STATUS[state.kind];
  if (state.kind === "nothing_open") return { status, lang, ...strings.nothingOpen(state.orderName) };
  return { status, lang, ...strings[state.kind] };
}
