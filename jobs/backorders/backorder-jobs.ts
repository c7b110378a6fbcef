import type { JobHandler } from "../job-handlers-type.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";

/** Jobs of the backorder engine (allocation, order tagging, sync, reconciliation). */
export const BACKORDER_JOB_HANDLERS: JobHandler[] = [];

/** Webhook topics the backorder engine handles. */
export const BACKORDER_TOPIC_HANDLERS: Record<string, TopicHandler> = {};
