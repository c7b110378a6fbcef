import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { registerStateGauges, type StateSource } from "../ops/register-state-gauges.ts";

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * One registry per process (not prom-client's global), so tests can build many apps. With `state`,
 * the registry also reports backlog gauges (backorders, subscriptions, queue depth) read at scrape time.
 */
export function createMetrics(opts: { state?: StateSource; stateCacheMs?: number } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (opts.state) registerStateGauges(registry, opts.state, { cacheMs: opts.stateCacheMs });
  return {
    registry,
    webhooks: new Counter({
      name: "backorder_webhooks_total",
      help: "Webhook deliveries by topic and outcome (recorded, duplicate, rejected)",
      labelNames: ["topic", "outcome"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "backorder_http_request_duration_seconds",
      help: "HTTP request duration by route and status",
      labelNames: ["route", "status"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    jobs: new Counter({
      name: "backorder_jobs_total",
      help: "Jobs processed by queue, name and outcome",
      labelNames: ["queue", "name", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "backorder_job_duration_seconds",
      help: "Job processing time by queue and name",
      labelNames: ["queue", "name"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    jobFinalFailures: new Counter({
      name: "backorder_job_final_failures_total",
      help: "Jobs that failed for good (attempts exhausted or unrecoverable) by queue and name",
      labelNames: ["queue", "name"] as const,
      registers: [registry],
    }),
    jobsStalled: new Counter({
      name: "backorder_jobs_stalled_total",
      help: "Jobs whose worker lost its lock (crash, blocked event loop); BullMQ runs them again",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    jobsRunningLong: new Gauge({
      name: "backorder_jobs_running_long",
      help: "Jobs of this worker running for over 2 minutes, by queue (a job that never settles keeps its lock)",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    adminApiCost: new Counter({
      name: "backorder_admin_api_cost_points_total",
      help: "Admin GraphQL cost points actually spent, by operation name",
      labelNames: ["operation"] as const,
      registers: [registry],
    }),
    adminApiThrottleWait: new Histogram({
      name: "backorder_admin_api_throttle_wait_seconds",
      help: "Time spent waiting for Admin API throttle capacity before a call, by operation name",
      labelNames: ["operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    emails: new Counter({
      name: "backorder_emails_total",
      help: "Emails by kind and outcome (sent, failed, suppressed)",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
  };
}
