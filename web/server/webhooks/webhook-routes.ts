import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { webhookTopicLabel } from "../metrics/metric-labels.ts";
import { containsNulByte, NUL_MESSAGE } from "../reject-nul-bytes.ts";
import { createWebhookBatcher, type WebhookBatcher } from "./create-webhook-batcher.ts";
import { readWebhookHeaders } from "./read-webhook-headers.ts";
import { storeWebhookBatch } from "./store-webhook-batch.ts";
import { verifyWebhookHmac } from "./verify-webhook-hmac.ts";

// Shopify's documented bodies are far below this; a larger one is not from Shopify.
const MAX_BODY = "2mb";
// Enqueues (addBulk) still running after their batch was answered; past this, answers wait for them.
const ENQUEUES_BEHIND = 8;

/**
 * POST /webhooks: verify, record, enqueue, answer. No Admin API call, email or inventory math here.
 * Concurrent deliveries are recorded together (createWebhookBatcher): each is answered 200 only
 * once its row is committed, 5xx when its batch was not (docs/ingress-performance.md).
 */
export function webhookRoutes(deps: AppDeps, batcher: WebhookBatcher = createIngressBatcher(deps)): Router {
  const router = express.Router();
  router.post("/webhooks", express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verified = verifyWebhookHmac(raw, req.get("x-shopify-hmac-sha256"), deps.config.apiSecrets);
    const topicLabel = webhookTopicLabel(verified ? req.get("x-shopify-topic")?.trim() : undefined, verified);
    const reject = (status: number, answer: Record<string, unknown>) => {
      deps.metrics.webhooks.inc({ topic: topicLabel, outcome: "rejected" });
      res.status(status).json(answer);
    };
    if (!verified) return reject(401, { error: "invalid_hmac" });
    const body = raw.toString("utf8");
    if (!isJsonObjectText(body)) return reject(400, { error: "invalid_json" });
    // PostgreSQL text refuses U+0000: answered here, not as a failing batch or job later.
    if (containsNulByte(body, "json")) return reject(422, { error: "unprocessable", message: NUL_MESSAGE });
    const headers = readWebhookHeaders(req.headers);
    if (!headers.ok) return reject(400, { error: "missing_headers", missing: headers.missing });
    try {
      const recorded = await batcher.record({ headers: headers.headers, body, receivedAt: new Date() });
      deps.metrics.webhooks.inc({
        topic: topicLabel,
        outcome: recorded.duplicate ? "duplicate" : "recorded",
      });
      res.status(200).json({ ok: true, duplicate: recorded.duplicate });
    } catch {
      // Logged once per batch (storeWebhookBatch). Not recorded means not acknowledged: Shopify retries.
      res.status(503).json({ error: "unavailable" });
    }
  });
  return router;
}

/** The ingress's batcher: enqueues run behind the answers, up to ENQUEUES_BEHIND of them at once. */
function createIngressBatcher(deps: AppDeps): WebhookBatcher {
  const backlog = { running: 0, limit: ENQUEUES_BEHIND };
  return createWebhookBatcher((batch) => storeWebhookBatch(deps, batch, backlog));
}

/**
 * Every Shopify webhook body is one JSON object. The body is parsed once, losslessly, by the job
 * that processes it (an unparseable one is recorded there as SKIPPED with the reason), so the
 * route only refuses what is plainly not an object instead of parsing every body to discard it.
 */
function isJsonObjectText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith("{") && trimmed.endsWith("}");
}
