import { etaChangedJob } from "../../web/server/queues/definitions/eta-changed.ts";
import {
  SWEEP_ETA_METAFIELDS_EVERY_MS,
  sweepEtaMetafieldsJob,
} from "../../web/server/queues/definitions/sweep-eta-metafields.ts";
import { syncEtaMetafieldsJob } from "../../web/server/queues/definitions/sync-eta-metafields.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import { runEtaChanged } from "./run-eta-changed.ts";
import {
  runEnsureMetafieldDefinitions,
  runSyncEtaMetafields,
  sweepEtaMetafields,
} from "./run-sync-eta-metafields.ts";
import { ensureMetafieldDefinitionsJob } from "../../web/server/queues/definitions/ensure-metafield-definitions.ts";

/** Jobs of the ETA feature: metafield sync (per shop, and the hourly sweep) and the ETA-changed flow. */
export const ETA_JOB_HANDLERS: JobHandler[] = [
  {
    definition: syncEtaMetafieldsJob,
    run: (deps, data) => runSyncEtaMetafields(deps, syncEtaMetafieldsJob.schema.parse(data).shopId),
  },
  {
    definition: sweepEtaMetafieldsJob,
    run: (deps) => sweepEtaMetafields(deps),
    every: SWEEP_ETA_METAFIELDS_EVERY_MS,
  },
  {
    definition: ensureMetafieldDefinitionsJob,
    run: (deps, data) =>
      runEnsureMetafieldDefinitions(deps, ensureMetafieldDefinitionsJob.schema.parse(data).shopId),
  },
  {
    definition: etaChangedJob,
    run: (deps, data) => runEtaChanged(deps, etaChangedJob.schema.parse(data)),
  },
];
