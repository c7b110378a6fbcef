import type { PendingDelivery } from "../../simulator/webhooks/webhook-types.ts";
import { webhookHeaders } from "./sign.ts";
import { TEST_API_SECRET } from "./start-test-app.ts";

/** POSTs one of the simulator's queued deliveries to the app by hand, signed as Shopify would. */
export function postSimDelivery(appUrl: string, d: PendingDelivery): Promise<Response> {
  return fetch(`${appUrl}/webhooks`, {
    method: "POST",
    headers: webhookHeaders({
      topic: d.topic,
      shop: d.shop,
      body: d.body,
      secret: TEST_API_SECRET,
      webhookId: d.webhookId,
      eventId: d.eventId,
    }),
    body: d.body,
  });
}
