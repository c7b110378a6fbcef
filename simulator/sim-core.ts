import type { GraphQLSchema } from "graphql";
import type { Store } from "./store/create-store.ts";
import type { WebhookSender } from "./webhooks/create-webhook-sender.ts";
import { toWireJson } from "./json.ts";
import type { PendingDelivery } from "./webhooks/webhook-types.ts";

/** What actions, payload builders and resolvers share. */
export interface SimCore {
  store: Store;
  apiKey: string;
  apiSecret: string;
  appId: bigint;
  now: () => Date;
  webhooks: WebhookSender;
  /** Topics the app subscribes to; null means every topic. */
  topics: Set<string> | null;
  origin: () => string;
  schema: GraphQLSchema;
}

export interface WebhookEvent {
  topic: string;
  payload: unknown;
}

/**
 * Emits the webhooks of one merchant action: they share one X-Shopify-Event-Id. Topics the app
 * did not subscribe to are dropped, except compliance topics, which are mandatory.
 */
export function emitEvents(core: SimCore, shop: string, events: WebhookEvent[]): PendingDelivery[] {
  // An uninstalled app hears nothing more from the shop but its own uninstall and compliance topics.
  const installed = core.store.shops.get(shop)?.installed ?? false;
  const subscribed = (topic: string) => !core.topics || core.topics.has(topic);
  const wanted = events.filter(
    (event) =>
      isCompliance(event.topic) ||
      (subscribed(event.topic) && (installed || event.topic === "app/uninstalled")),
  );
  if (wanted.length === 0) return [];
  return core.webhooks.emit(
    shop,
    wanted.map((event) => ({
      topic: event.topic,
      body: toWireJson(event.payload),
      ...orderOf(event),
    })),
    core.now(),
  );
}

/** The order an orders/* payload is about, so a drop rule can target one order's deliveries. */
function orderOf(event: WebhookEvent): { orderId?: string } {
  if (!event.topic.startsWith("orders/")) return {};
  const id = (event.payload as { id?: unknown } | null)?.id;
  return typeof id === "bigint" || typeof id === "number" ? { orderId: String(id) } : {};
}

export function isCompliance(topic: string): boolean {
  return topic === "customers/data_request" || topic === "customers/redact" || topic === "shop/redact";
}

/** Shopify resolves the reserved `$app` namespace (and `$app:sub`) to the app's own prefix. */
export function resolveNamespace(core: SimCore, namespace: string | null | undefined): string {
  const ns = namespace ?? "$app";
  if (ns === "$app") return `app--${core.appId}`;
  if (ns.startsWith("$app:")) return `app--${core.appId}--${ns.slice(5)}`;
  return ns;
}

/** ISO timestamp without milliseconds, as the Admin API prints DateTime. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Webhook payloads print local times with the shop's UTC offset, e.g. 2021-12-31T19:00:00-05:00. */
export function payloadTime(date: Date | null, timeZone: string): string | null {
  if (!date) return null;
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const offset = name === "GMT" ? "+00:00" : name.slice(3);
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(date.getTime() + minutes * 60_000);
  return local.toISOString().replace(/\.\d{3}Z$/, offset);
}
