import { klaviyoEventJob } from "../../queues/definitions/klaviyo-event.ts";
import { KLAVIYO_METRICS } from "./klaviyo-event.ts";
import type { AppDeps } from "../../app-deps.ts";

/** Queues the event for Klaviyo when the shop connected it and the event has a Klaviyo metric. */
export async function fanOutKlaviyo(deps: AppDeps, event: { id: string; shopId: string; type: string }) {
  if (!KLAVIYO_METRICS[event.type]) return;
  const settings = await deps.db.klaviyoSettings.findUnique({
    where: { shopId: event.shopId },
    select: { enabled: true },
  });
  if (!settings?.enabled) return;
  await deps.db.integrationSend.createMany({
    data: [{ eventId: event.id, target: "klaviyo", shopId: event.shopId }],
    skipDuplicates: true,
  });
  await deps.queues.enqueue(klaviyoEventJob, { eventId: event.id }, { jobId: `klaviyo-${event.id}` });
}
