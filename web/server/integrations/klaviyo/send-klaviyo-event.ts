import { UnrecoverableError } from "bullmq";
import { decryptToken } from "../../shopify/sessions/token-cipher.ts";
import { KLAVIYO_REVISION, klaviyoEventBody } from "./klaviyo-event.ts";
import type { AppDeps } from "../../app-deps.ts";

const TIMEOUT_MS = 10_000;

/**
 * Sends one event to the shop's Klaviyo account (Create Event). Idempotent: a send already made
 * is not made again, and unique_id lets Klaviyo drop a duplicate. 429 and 5xx retry with the
 * job's backoff; other 4xx (a revoked key, a rejected body) fail for good.
 */
export async function sendKlaviyoEvent(deps: AppDeps, eventId: string): Promise<string> {
  const where = { eventId_target: { eventId, target: "klaviyo" } };
  const send = await deps.db.integrationSend.findUnique({ where, include: { event: true } });
  if (!send || send.sentAt) return "skipped";
  const settings = await deps.db.klaviyoSettings.findUnique({ where: { shopId: send.shopId } });
  if (!settings?.enabled) return "not_enabled";
  const body = klaviyoEventBody(send.event);
  if (!body) return "not_applicable";
  const res = await fetch(`${deps.config.klaviyoBaseUrl}/api/events`, {
    method: "POST",
    headers: {
      Authorization: `Klaviyo-API-Key ${decryptToken(deps.config.tokenKeys, settings.privateKey)}`,
      revision: KLAVIYO_REVISION,
      accept: "application/vnd.api+json",
      "content-type": "application/vnd.api+json",
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const ok = res.status >= 200 && res.status < 300;
  const detail = ok ? null : (await res.text()).slice(0, 300);
  await res.body?.cancel().catch(() => undefined);
  await deps.db.integrationSend.update({
    where,
    data: {
      attempts: { increment: 1 },
      ...(ok ? { sentAt: deps.now(), lastError: null } : { lastError: `HTTP ${res.status} ${detail}` }),
    },
  });
  if (ok) return "sent";
  if (res.status === 429 || res.status >= 500) throw new Error(`Klaviyo answered ${res.status}`);
  throw new UnrecoverableError(`Klaviyo refused the event: ${res.status}`);
}
