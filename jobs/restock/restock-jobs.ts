import type { JobHandler } from "../job-handlers-type.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";

/** Jobs of back-in-stock alerts and the notification ledger (restock waves, fan-out, email send). */
export const RESTOCK_JOB_HANDLERS: JobHandler[] = [];

/** Webhook topics the alerts feature handles (compliance topics included). */
export const RESTOCK_TOPIC_HANDLERS: Record<string, TopicHandler> = {};
