import { adminWritesRow } from "./admin-writes-row.ts";
import { allocateRow } from "./allocate-row.ts";
import { etaReadRow } from "./eta-read-row.ts";
import { fanoutMemoryRow } from "./fanout-memory-row.ts";
import { fanoutRow } from "./fanout-row.ts";
import type { BenchRow } from "./row-types.ts";
import { scaleRow } from "./scale-row.ts";
import { webhooksFloorRow } from "./webhooks-floor-row.ts";
import { webhooksRow } from "./webhooks-row.ts";

/** The table, in the order; the webhooks row's floor (a reference) right after it. */
export const BENCH_ROWS: BenchRow[] = [
  webhooksRow,
  webhooksFloorRow,
  fanoutRow,
  fanoutMemoryRow,
  etaReadRow,
  adminWritesRow,
  allocateRow,
  scaleRow,
];
