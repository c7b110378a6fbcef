import { markGaveUpMany } from "../../web/server/notifications/notification-batch-ledger.ts";
import { GAVE_UP_PREFIX } from "../../web/server/notifications/recovery-plan.ts";
import { recoverSms } from "../../web/server/sms/recover-sms.ts";
import { sendSmsBatch } from "../../web/server/sms/send-sms-batch.ts";
import { delayJob } from "../delay-job.ts";
import { sendSmsJob } from "../../web/server/queues/definitions/send-sms.ts";
import { SWEEP_SMS_EVERY_MS, sweepSmsJob } from "../../web/server/queues/definitions/sweep-sms.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import { pushSignupChannelsJob } from "../../web/server/queues/definitions/push-signup-channels.ts";
import { pushSignupChannels } from "../../web/server/sms/push-signup-channels.ts";
import { createAdminClient } from "../../web/server/shopify/admin/create-admin-client.ts";

/** The SMS channel's jobs: sending ledger rows, the SMS sweeper, the block's channels metafield. */
export const SMS_JOB_HANDLERS: JobHandler[] = [
  {
    definition: sendSmsJob,
    run: async (deps, data, job) => {
      const { shopId, notificationIds } = sendSmsJob.schema.parse(data);
      const result = await sendSmsBatch(deps, { shopId, ids: notificationIds });
      if (result.later) await delayJob(job, result.later);
      return result;
    },
    onFinalFailure: (deps, data, error) =>
      markGaveUpMany(
        deps.sql,
        sendSmsJob.schema.parse(data).notificationIds,
        `${GAVE_UP_PREFIX}${error.message}`,
      ),
  },
  { definition: sweepSmsJob, run: (deps) => recoverSms(deps), every: SWEEP_SMS_EVERY_MS },
  {
    definition: pushSignupChannelsJob,
    run: async (deps, data) => {
      const { shopId } = pushSignupChannelsJob.schema.parse(data);
      const shop = await deps.db.shop.findUnique({
        where: { id: shopId },
        select: { domain: true, uninstalledAt: true },
      });
      // A shop gone or uninstalled has no token: nothing to write.
      if (!shop || shop.uninstalledAt) return null;
      return pushSignupChannels(deps, shopId, await createAdminClient(deps, shop.domain));
    },
  },
];
