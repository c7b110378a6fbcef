import type { JobsOptions } from "bullmq";
import type { z } from "zod";

/** The queues this app runs. A handful only: each queue costs connections on both backends. */
export const QUEUE_NAMES = ["events", "shopify", "email"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  queue: QueueName;
  schema: S;
  options: JobsOptions;
};

/** Jobs carry ids, never email addresses or tokens; payloads are re-parsed by the handler. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
