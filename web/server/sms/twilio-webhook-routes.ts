import express, { type Request, type Response, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { decryptToken } from "../shopify/sessions/token-cipher.ts";
import { normalizePhone } from "./phone-number.ts";
import { loadSmsSettings } from "./sms-settings-repository.ts";
import { suppressPhone, unsuppressPhone } from "./suppress-phone.ts";
import { HELP_REPLY } from "./default-sms-templates.ts";
import { verifyTwilioSignature } from "./twilio-signature.ts";
import { classifyInbound } from "./classify-inbound.ts";

const SHOP_ID = /^[0-9a-f-]{36}$/;

/**
 * Twilio's webhooks for one shop, each verified with X-Twilio-Signature against the shop's auth
 * token and the public URL Twilio called (SHOPIFY_APP_URL + path):
 * - POST /sms/twilio/:shopId/status   status callbacks of sent messages (delivered, failed...);
 * - POST /sms/twilio/:shopId/inbound  replies: STOP & co. suppress the number at once, HELP answers.
 * A bad signature or unknown shop answers 403 and changes nothing.
 */
export function twilioWebhookRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb", parameterLimit: 200 });

  router.post("/sms/twilio/:shopId/status", form, async (req, res) => {
    const verified = await verify(deps, req, res);
    if (!verified) return;
    const sid = verified.params.MessageSid ?? verified.params.SmsSid;
    const status = verified.params.MessageStatus ?? verified.params.SmsStatus;
    if (sid && status) {
      await deps.db.notification.updateMany({
        where: { shopId: verified.shopId, channel: "sms", messageId: sid },
        data: {
          deliveryStatus: status.slice(0, 40),
          ...(verified.params.ErrorCode
            ? { lastError: `twilio ${verified.params.ErrorCode}`.slice(0, 200) }
            : {}),
        },
      });
    }
    res.status(204).end();
  });

  router.post("/sms/twilio/:shopId/inbound", form, async (req, res) => {
    const verified = await verify(deps, req, res);
    if (!verified) return;
    const from = normalizePhone(verified.params.From ?? "", null);
    const action = classifyInbound(verified.params.Body ?? "");
    let reply: string | null = null;
    if (from && action === "stop") await suppressPhone(deps.db, verified.shopId, from, "stop", deps.now());
    if (from && action === "start") await unsuppressPhone(deps.db, verified.shopId, from);
    if (action === "help") {
      const shop = await deps.db.shop.findUnique({
        where: { id: verified.shopId },
        select: { name: true, domain: true },
      });
      reply = HELP_REPLY.en!.replace("{{ shop }}", shop?.name ?? shop?.domain ?? "");
    }
    res
      .type("text/xml")
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ""}</Response>`,
      );
  });
  return router;
}

async function verify(
  deps: AppDeps,
  req: Request,
  res: Response,
): Promise<{ shopId: string; params: Record<string, string> } | null> {
  const shopId = String(req.params.shopId);
  const params = Object.fromEntries(
    Object.entries((req.body ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
  const settings = SHOP_ID.test(shopId) ? await loadSmsSettings(deps.db, shopId) : null;
  const token = settings?.authTokenEncrypted ? tokenOf(deps, settings.authTokenEncrypted) : null;
  const url = `${deps.config.appUrl}${req.originalUrl}`;
  if (!token || !verifyTwilioSignature(token, req.get("x-twilio-signature"), url, params)) {
    res.status(403).json({ error: "forbidden", message: "invalid Twilio signature" });
    return null;
  }
  return { shopId, params };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The shop's auth token; null when it cannot be decrypted (key removed): the request is refused. */
function tokenOf(deps: AppDeps, stored: string): string | null {
  try {
    return decryptToken(deps.config.tokenKeys, stored);
  } catch {
    return null;
  }
}
