import type { WorkerDeps } from "../worker-deps.ts";
import { handleAppUninstalled } from "./handle-app-uninstalled.ts";

export type WebhookContext = {
  deps: WorkerDeps;
  shop: { id: string; domain: string; uninstalledAt: Date | null; installedAt: Date };
  event: { id: bigint; topic: string; triggeredAt: Date | null; receivedAt: Date };
};

export type TopicHandler = (ctx: WebhookContext, payload: unknown) => Promise<void>;

/** Topic -> handler. shopify.app.toml names the handler of each subscription. */
export const TOPIC_HANDLERS: Record<string, TopicHandler> = {
  "app/uninstalled": handleAppUninstalled,
};

/** Topics processed even after the shop uninstalled (cleanup and privacy duties). */
export const TOPICS_AFTER_UNINSTALL = new Set([
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
]);
