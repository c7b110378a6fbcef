import type { Request } from "express";
import { HANDLED_TOPICS } from "../webhooks/handled-topics.ts";

// Every label value comes from a closed set: a value taken from a request as it came would let
// anyone add a time series per made-up value, and each series is memory kept for good.

const HANDLED = new Set<string>(HANDLED_TOPICS);

/**
 * `topic` of backorder_webhooks_total: `invalid` until the HMAC has passed (the headers of an
 * unsigned request are anyone's), then the topic when the app handles it, else `other`.
 */
export function webhookTopicLabel(topic: string | undefined, verified: boolean): string {
  if (!verified) return "invalid";
  return topic !== undefined && HANDLED.has(topic) ? topic : "other";
}

/**
 * `route` of backorder_http_request_duration_seconds: the pattern that matched ("/api/etas/:variantId"),
 * never the path. Express matches mount paths without regard to case and reports the request's
 * spelling in `baseUrl`, so it is lower-cased: the app's mounts are literal lower-case paths.
 */
export function routeLabel(req: Pick<Request, "baseUrl"> & { route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (path === undefined) return "unmatched";
  return typeof path === "string" ? `${req.baseUrl.toLowerCase()}${path}` : "other";
}

/** `name` of the job metrics: a job this worker has a handler for, else `other`. */
export function jobNameLabel(name: string, known: ReadonlyMap<string, unknown>): string {
  return known.has(name) ? name : "other";
}
