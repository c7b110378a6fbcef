import express from "express";
import type { Request } from "express";
import type { Simulator } from "../simulator-types.ts";
import { renderConsolePage } from "./render-console-page.ts";
import { renderSmsInbox } from "./render-sms-inbox.ts";

export interface ConsoleRoutesOptions {
  sim: Simulator;
  /** The app's URL as a browser reaches it; the admin link opens `${adminUrl}/admin`. */
  adminUrl?: () => string | undefined;
  /** The mail catcher's page. */
  mailUrl?: () => string | undefined;
  defaultShop?: string;
}

/** GET /console (the page) and GET /console/open-admin (the embedded admin with a fresh session token). */
export function createConsoleRoutes(opts: ConsoleRoutesOptions): express.Router {
  const router = express.Router();
  const shopOf = (req: Request) =>
    (typeof req.query.shop === "string" ? req.query.shop : undefined) ??
    opts.defaultShop ??
    opts.sim.listShops()[0]?.domain;

  router.get("/console", (req, res) => {
    const shop = shopOf(req);
    if (!shop || !opts.sim.getShop(shop)) return void res.status(404).type("text/plain").send("Unknown shop");
    const q = `shop=${encodeURIComponent(shop)}`;
    res
      .type("html")
      .set("Cache-Control", "no-store")
      .send(
        renderConsolePage({
          state: opts.sim.exportState(),
          shop,
          deliveries: opts.sim.deliveries,
          drops: { rules: opts.sim.webhooks.dropRules(), dropped: opts.sim.webhooks.dropped() },
          links: {
            storefront: `/?${q}`,
            admin: opts.adminUrl?.() ? `/console/open-admin?${q}` : undefined,
            mail: opts.mailUrl?.(),
          },
        }),
      );
  });

  // The SMS inbox: what the app texted through the simulator's Twilio stand-in, and handset replies.
  router.get("/console/sms", (_req, res) => {
    res
      .type("html")
      .set("Cache-Control", "no-store")
      .send(renderSmsInbox(opts.sim.twilio.messages, opts.sim.twilio.inbound));
  });
  router.post(
    "/console/sms/reply",
    express.urlencoded({ extended: false, limit: "4kb" }),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, string>;
      try {
        await opts.sim.twilio.reply(String(body.from ?? ""), String(body.to ?? ""), String(body.body ?? ""));
      } catch (error) {
        return void res.status(422).type("text/plain").send(String(error));
      }
      res.redirect(303, "/console/sms");
    },
  );

  // Shopify opens an embedded app with a session token in `id_token`; the admin refreshes it itself.
  router.get("/console/open-admin", async (req, res) => {
    const shop = shopOf(req);
    const adminUrl = opts.adminUrl?.();
    if (!shop || !adminUrl || !opts.sim.getShop(shop))
      return void res.status(404).type("text/plain").send("No admin to open");
    const token = await opts.sim.mintSessionToken({ shop });
    const query = new URLSearchParams({ shop, id_token: token });
    res.redirect(302, `${adminUrl}/admin?${query}`);
  });
  return router;
}
