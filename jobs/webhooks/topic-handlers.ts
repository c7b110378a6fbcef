import { BACKORDER_TOPIC_HANDLERS } from "../backorders/backorder-jobs.ts";
import { CONTROL_TOPIC_HANDLERS } from "../controls/control-jobs.ts";
import { RESTOCK_TOPIC_HANDLERS } from "../restock/restock-jobs.ts";
import { COMPLIANCE_TOPIC_HANDLERS } from "./compliance-topic-handlers.ts";
import { handleAppUninstalled } from "../../web/server/shops/handle-app-uninstalled.ts";
import type { TopicHandler } from "../../web/server/webhooks/topic-handler-type.ts";

export type { TopicHandler, WebhookContext } from "../../web/server/webhooks/topic-handler-type.ts";

/**
 * Topic -> handler(s). shopify.app.toml names the handler of each subscription. A topic may have
 * handlers in several features (orders/create feeds the backorder engine and alert attribution).
 */
export const TOPIC_HANDLERS: Record<string, TopicHandler> = mergeHandlers([
  { "app/uninstalled": handleAppUninstalled },
  BACKORDER_TOPIC_HANDLERS,
  CONTROL_TOPIC_HANDLERS,
  RESTOCK_TOPIC_HANDLERS,
  COMPLIANCE_TOPIC_HANDLERS,
]);

/** Topics processed even after the shop uninstalled (cleanup and privacy duties). */
export const TOPICS_AFTER_UNINSTALL = new Set([
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
]);

function mergeHandlers(maps: Record<string, TopicHandler>[]): Record<string, TopicHandler> {
  const byTopic = new Map<string, TopicHandler[]>();
  for (const map of maps) {
    for (const [topic, handler] of Object.entries(map))
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), handler]);
  }
  return Object.fromEntries(
    [...byTopic].map(([topic, handlers]) => [
      topic,
      handlers.length === 1
        ? handlers[0]!
        : async (ctx, payload) => {
            for (const handler of handlers) await handler(ctx, payload);
          },
    ]),
  );
}
