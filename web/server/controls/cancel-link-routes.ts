import express, { type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { renderCancelPage } from "./render-cancel-page.ts";
import { loadCancelLink, requestCancellation, type CancelLinkState } from "./request-cancellation.ts";

type Page = { status: number; title: string; message: string };

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
  const send = (res: Response, page: Page, extra: Parameters<typeof renderCancelPage>[0] | null = null) =>
    res
      .status(page.status)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(renderCancelPage(extra ?? page));

  router.get("/backorders/cancel/:token", async (req, res) => {
    const state = await loadCancelLink(deps.db, deps.config.apiSecrets, req.params.token);
    if (state.kind !== "open") return void send(res, pageOf(state));
    send(
      res,
      { status: 200, title: "", message: "" },
      {
        title: `Cancel backordered items of ${state.orderName}?`,
        message: `Ask ${state.shopName} to cancel these items. Nothing changes until the shop confirms.`,
        items: state.lines,
        form: { action: req.originalUrl, button: "Ask to cancel" },
      },
    );
  });

  router.post("/backorders/cancel/:token", async (req, res) => {
    const state = await requestCancellation(deps.db, deps.config.apiSecrets, req.params.token, new Date());
    if (state.kind !== "recorded") return void send(res, pageOf(state));
    send(res, {
      status: 200,
      title: "Request sent",
      message: `${state.shopName} has your request to cancel the backordered items of ${state.orderName} and will confirm by email.`,
    });
  });

  return router;
}

function pageOf(state: Exclude<CancelLinkState, { kind: "open" }>): Page {
  if (state.kind === "nothing_open") {
    return {
      status: 409,
      title: "Nothing left to cancel",
      message: `The backordered items of ${state.orderName} have shipped or were cancelled already.`,
    };
  }
  return PAGES[state.kind];
}
