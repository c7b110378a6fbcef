import { attributeOrderConversions } from "../../web/server/restock/attribute-order-conversions.ts";
import { detectRestock } from "../../web/server/restock/detect-restock.ts";
import { runRestockWave } from "../../web/server/restock/run-restock-wave.ts";
import { sweepRestock } from "../../web/server/restock/sweep-restock.ts";
import { markGaveUp } from "../../web/server/notifications/notification-ledger.ts";
import { markGaveUpMany } from "../../web/server/notifications/notification-batch-ledger.ts";
import { sendNotification } from "../../web/server/notifications/send-notification.ts";
import { GAVE_UP_PREFIX } from "../../web/server/notifications/recovery-plan.ts";
import { sendNotificationBatch } from "../../web/server/notifications/send-notification-batch.ts";
import { restockWaveJob } from "../../web/server/queues/definitions/restock-wave.ts";
import { sendNotificationJob } from "../../web/server/queues/definitions/send-notification.ts";
import { sendNotificationsJob } from "../../web/server/queues/definitions/send-notifications.ts";
import {
  SWEEP_RESTOCK_EVERY_MS,
  sweepRestockJob,
} from "../../web/server/queues/definitions/sweep-restock.ts";
import {
  SWEEP_ALERT_EXPIRY_EVERY_MS,
  sweepAlertExpiryJob,
} from "../../web/server/queues/definitions/sweep-alert-expiry.ts";
import { sweepAlertExpiry } from "../../web/server/subscriptions/sweep-alert-expiry.ts";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import type { TopicHandler } from "../../web/server/webhooks/topic-handler-type.ts";
import { delayJob } from "../delay-job.ts";

/** Jobs of back-in-stock alerts and the notification ledger (restock waves, fan-out, email send). */
export const RESTOCK_JOB_HANDLERS: JobHandler[] = [
  {
    definition: variantStockChangedJob,
    run: (deps, data) => {
      const { shopId, variantId } = variantStockChangedJob.schema.parse(data);
      return detectRestock(deps, shopId, BigInt(variantId));
    },
  },
  {
    definition: restockWaveJob,
    run: async (deps, data, job) => {
      const { restockEventId, wave } = restockWaveJob.schema.parse(data);
      const result = await runRestockWave(deps, restockEventId, wave);
      if (result.outcome === "wait") await delayJob(job, result.until);
      return result;
    },
  },
  {
    definition: sendNotificationJob,
    run: async (deps, data, job) => {
      const result = await sendNotification(deps, sendNotificationJob.schema.parse(data).notificationId);
      if (result.outcome === "later") await delayJob(job, result.at);
      return result;
    },
    // Retries used up on transient errors: FAILED, visible; the sweeper revives it while young.
    onFinalFailure: (deps, data, error) =>
      markGaveUp(
        deps.db,
        sendNotificationJob.schema.parse(data).notificationId,
        `${GAVE_UP_PREFIX}${error.message}`,
      ),
  },
  {
    definition: sendNotificationsJob,
    run: async (deps, data, job) => {
      const { shopId, notificationIds } = sendNotificationsJob.schema.parse(data);
      const result = await sendNotificationBatch(deps, { shopId, ids: notificationIds });
      // Rows that failed for good are FAILED in the ledger; the job only retries the transient ones.
      if (result.transient) throw result.transient;
      if (result.later) await delayJob(job, result.later);
      return { sent: result.sent.length, suppressed: result.suppressed, failed: result.failed };
    },
    onFinalFailure: (deps, data, error) =>
      markGaveUpMany(
        deps.sql,
        sendNotificationsJob.schema.parse(data).notificationIds,
        `${GAVE_UP_PREFIX}${error.message}`,
      ),
  },
  { definition: sweepRestockJob, run: (deps) => sweepRestock(deps), every: SWEEP_RESTOCK_EVERY_MS },
  {
    definition: sweepAlertExpiryJob,
    run: (deps) => sweepAlertExpiry(deps),
    every: SWEEP_ALERT_EXPIRY_EVERY_MS,
  },
];

/** Webhook topics the alerts feature handles. */
export const RESTOCK_TOPIC_HANDLERS: Record<string, TopicHandler> = {
  "orders/create": async (ctx, payload) => {
    await attributeOrderConversions(ctx, payload);
  },
};
