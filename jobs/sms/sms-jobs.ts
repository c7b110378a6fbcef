import { markGaveUpMany } from "../../web/server/notifications/notification-batch-ledger.ts";
import { GAVE_UP_PREFIX } from "../../web/server/notifications/recovery-plan.ts";
import { recoverSms } from "../../web/server/sms/recover-sms.ts";
import { sendSmsBatch } from "../../web/server/sms/send-sms-batch.ts";
import { delayJob } from "../delay-job.ts";
import { sendSmsJob } from "../../web/server/queues/definitions/send-sms.ts";
import { SWEEP_SMS_EVERY_MS, sweepSmsJob } from "../../web/server/queues/definitions/sweep-sms.ts";
import type { JobHandler } from "../job-handlers-type.ts";

/** The SMS channel's jobs: sending ledger rows and the SMS sweeper. */
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
];
