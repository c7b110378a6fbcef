import { fanOutFlow } from "../flow/fan-out-flow.ts";
import { fanOutKlaviyo } from "../klaviyo/fan-out-klaviyo.ts";
import { fanOutWebhooks } from "../outgoing/fan-out-webhooks.ts";
import type { AppDeps } from "../../app-deps.ts";

/** Hands one recorded event to every integration the shop has on. Each step is idempotent. */
export async function fanOutIntegrationEvent(deps: AppDeps, eventId: string): Promise<void> {
  const event = await deps.db.integrationEvent.findUnique({
    where: { id: eventId },
    select: { id: true, shopId: true, type: true, shop: { select: { uninstalledAt: true } } },
  });
  if (!event || event.shop.uninstalledAt) return;
  await fanOutWebhooks(deps, event);
  await fanOutFlow(deps, event);
  await fanOutKlaviyo(deps, event);
}
