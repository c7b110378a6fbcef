import express, { type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { noFraming } from "../http/security-headers.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { renderCancelPage } from "./render-cancel-page.ts";
import { loadCancelLink, requestCancellation, type CancelLinkState } from "./request-cancellation.ts";

type Page = { status: number; title: string; message: string };
type OpenLink = Extract<CancelLinkState, { kind: "open" }>;

const PAGES = {
  invalid: {
    status: 400,
    title: "Invalid link",
    message: "This link is not valid. Please use the link from your email.",
  },
  unknown: { status: 404, title: "Link not found", message: "This link is not valid any more." },
  used: {
    status: 409,
    title: "Request already received",
    message: "We already have your cancellation request for these items. The shop will get back to you.",
  },
} as const satisfies Record<string, Page>;

/**
 * GET /backorders/cancel/:token shows the backordered items and a confirm button; POST records the
 * request for the merchant (once per link). 400 for a tampered token, 404 for an unknown order.
 */
export function cancelLinkRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use("/backorders/cancel", noFraming());
  const send = (res: Response, page: Page, extra: Parameters<typeof renderCancelPage>[0] | null = null) =>
    res
      .status(page.status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(renderCancelPage(extra ?? page));

  const formPage = (state: OpenLink, action: string, error?: string) => ({
    title: `Cancel backordered items of ${state.orderName}?`,
    message: `Ask ${state.shopName} to cancel items that are still waiting for stock. Items in stock ship as ordered. Nothing changes until the shop confirms.`,
    ...(error ? { error } : {}),
    lines: state.lines,
    form: { action, button: "Ask to cancel" },
  });

  router.get("/backorders/cancel/:token", async (req, res) => {
    const state = await loadCancelLink(deps.db, deps.config.apiSecrets, req.params.token);
    if (state.kind !== "open") return void send(res, pageOf(state));
    send(res, { status: 200, title: "", message: "" }, formPage(state, req.originalUrl));
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
      if (now.kind !== "open") return void send(res, pageOf(now));
      return void send(
        res,
        { status: 422, title: "", message: "" },
        formPage(now, req.originalUrl, state.message),
      );
    }
    if (state.kind !== "recorded") return void send(res, pageOf(state));
    send(res, {
      status: 200,
      title: "Request sent",
      message: `${state.shopName} has your request to cancel ${state.units} backordered ${state.units === 1 ? "item" : "items"} of ${state.orderName} and will confirm by email.`,
    });
  });

  return router;
}

function pageOf(state: Exclude<CancelLinkState, { kind: "open" }>): Page {
  if (state.kind === "nothing_open") {
    return {
      status: 409,
      title: "Nothing left to cancel",
      message: `No item of ${state.orderName} is waiting for stock any more: they are in stock and ready to ship, shipped, or cancelled. There is nothing left to cancel here.`,
    };
  }
  return PAGES[state.kind];
}
