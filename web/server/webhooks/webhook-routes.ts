import express, { type Router } from "express";
import { processWebhookJob, webhookJobId } from "../../../jobs/definitions/process-webhook.ts";
import type { AppDeps } from "../app-deps.ts";
import { webhookTopicLabel } from "../metrics/metric-labels.ts";
import { containsNulByte, NUL_MESSAGE } from "../reject-nul-bytes.ts";
import { readWebhookHeaders } from "./read-webhook-headers.ts";
import { recordWebhook } from "./record-webhook.ts";
import { verifyWebhookHmac } from "./verify-webhook-hmac.ts";

// Shopify's documented bodies are far below this; a larger one is not from Shopify.
const MAX_BODY = "2mb";
const ENQUEUE_TIMEOUT_MS = 1_500;

/** POST /webhooks: verify, record, enqueue, answer. No Admin API call, email or inventory math here. */
export function webhookRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.post("/webhooks", express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyWebhookHmac(raw, req.get("x-shopify-hmac-sha256"), deps.config.apiSecrets)) {
      deps.metrics.webhooks.inc({ topic: webhookTopicLabel(undefined, false), outcome: "rejected" });
      res.status(401).json({ error: "invalid_hmac" });
      return;
    }
    const topicForMetrics = webhookTopicLabel(req.get("x-shopify-topic")?.trim(), true);
    const body = raw.toString("utf8");
    if (!isJson(body)) {
      deps.metrics.webhooks.inc({ topic: topicForMetrics, outcome: "rejected" });
      res.status(400).json({ error: "invalid_json" });
      return;
    }
    if (containsNulByte(raw, "json")) {
      // PostgreSQL text refuses U+0000: answered here, not as a failing job later.
      deps.metrics.webhooks.inc({ topic: topicForMetrics, outcome: "rejected" });
      res.status(422).json({ error: "unprocessable", message: NUL_MESSAGE });
      return;
    }
    const headers = readWebhookHeaders(req.headers);
    if (!headers.ok) {
      deps.metrics.webhooks.inc({ topic: topicForMetrics, outcome: "rejected" });
      res.status(400).json({ error: "missing_headers", missing: headers.missing });
      return;
    }
    const { topic, shopDomain, webhookId } = headers.headers;
    let recorded;
    try {
      recorded = await recordWebhook(deps.sql, headers.headers, body);
    } catch (error) {
      // Not recorded means not acknowledged: Shopify retries on 5xx.
      deps.logger.error({ err: error, topic, shop: shopDomain, webhookId }, "webhook not recorded");
      res.status(503).json({ error: "unavailable" });
      return;
    }
    deps.metrics.webhooks.inc({
      topic: topicForMetrics,
      outcome: recorded.duplicate ? "duplicate" : "recorded",
    });
    if (!recorded.processed) {
      // The row is the durable part; if the queue is away the sweeper enqueues it later.
      // Bounded: a queue backend that hangs must not hold Shopify past its 5 s budget.
      const enqueued = deps.queues.enqueue(
        processWebhookJob,
        { webhookEventId: String(recorded.id) },
        { jobId: webhookJobId(recorded.id) },
      );
      await withTimeout(enqueued, ENQUEUE_TIMEOUT_MS).catch((error: unknown) =>
        deps.logger.warn({ err: error, topic, shop: shopDomain }, "enqueue failed; the sweeper will retry"),
      );
    }
    res.status(200).json({ ok: true, duplicate: recorded.duplicate });
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isJson(text: string): boolean {
  if (text.length === 0) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
