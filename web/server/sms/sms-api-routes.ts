import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ShopLocals } from "../auth/require-session.ts";
import { parseBody } from "../parse-input.ts";
import { pushSignupChannelsJob } from "../queues/definitions/push-signup-channels.ts";
import { enqueueCoalesced } from "../queues/enqueue-coalesced.ts";
import { smsSettingsUpdateSchema } from "./sms-settings-schema.ts";
import { loadSmsSettings, updateSmsSettings, viewSmsSettings } from "./sms-settings-repository.ts";
import { SMS_KINDS, listSmsTemplates, saveSmsTemplate, smsTemplateSchema } from "./sms-templates.ts";

/** /api/sms-settings and /api/sms-templates (behind the session-token guard). */
export function smsApiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get("/sms-settings", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json({
      settings: viewSmsSettings(await loadSmsSettings(deps.db, shop.id)),
      ...webhookUrls(deps, shop.id),
    });
  });
  router.put("/sms-settings", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const input = parseBody(smsSettingsUpdateSchema, req.body);
    const row = await updateSmsSettings(deps.db, deps.config, shop.id, input);
    // The notify-me block reads the channels from a shop metafield (docs/sms.md): the job writes
    // the settings as they are when it runs, once per burst of saves.
    await enqueueCoalesced(deps.queues, pushSignupChannelsJob, { shopId: shop.id }, shop.id, 1_000);
    res.json({ settings: viewSmsSettings(row), ...webhookUrls(deps, shop.id) });
  });
  router.get("/sms-templates", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    res.json({ kinds: SMS_KINDS, templates: await listSmsTemplates(deps.db, shop.id) });
  });
  router.put("/sms-templates", async (req, res) => {
    const { shop } = res.locals as ShopLocals;
    const input = parseBody(smsTemplateSchema, req.body);
    res.json({ template: await saveSmsTemplate(deps.db, shop.id, input) });
  });
  return router;
}

/** The inbound URL the merchant pastes into the Twilio number's "A message comes in" field. */
function webhookUrls(deps: AppDeps, shopId: string) {
  return { inboundUrl: `${deps.config.appUrl}/sms/twilio/${shopId}/inbound` };
}
