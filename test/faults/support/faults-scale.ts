// Sizes of the fault scenarios. The default fits the CI budget on a 2-core machine;
// FAULTS_SCALE=full runs the sizes the issue names; a number (0 < n <= 1) scales the full sizes.
// Read here once, in test code: the product's config rule (only config.ts reads the environment)
// is about the app, and this is the test runner's knob.

export type FaultSizes = {
  label: string;
  /** Webhooks of the simulated shop day, per shop (each run: in order, and shuffled with duplicates). */
  dayWebhooks: number;
  /** Subscribers of the restock fan-out that a worker is killed during. */
  fanoutSubscribers: number;
  /** Orders placed while a worker is killed. */
  crashOrders: number;
  /** Webhooks sent while Redis and then PostgreSQL restart. */
  restartWebhooks: number;
  /** Subscribers of the fan-out running while the services restart. */
  restartSubscribers: number;
  /** Generated requests per target (/webhooks, /proxy/*, /api/*, email links). */
  fuzzRuns: number;
};

const FULL: FaultSizes = {
  label: "full",
  dayWebhooks: 10_000,
  fanoutSubscribers: 20_000,
  crashOrders: 600,
  restartWebhooks: 3_000,
  restartSubscribers: 5_000,
  fuzzRuns: 10_000,
};

const DEFAULT: FaultSizes = {
  label: "default",
  dayWebhooks: 600,
  fanoutSubscribers: 2_000,
  crashOrders: 120,
  restartWebhooks: 500,
  restartSubscribers: 800,
  fuzzRuns: 400,
};

export function faultSizes(value: string | undefined = process.env.FAULTS_SCALE): FaultSizes {
  if (!value || value === "default") return DEFAULT;
  if (value === "full") return FULL;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1) {
    throw new Error(`FAULTS_SCALE must be "default", "full" or a number in (0, 1], got ${value}`);
  }
  const scale = (n: number) => Math.max(10, Math.round(n * factor));
  return {
    label: `x${factor}`,
    dayWebhooks: scale(FULL.dayWebhooks),
    fanoutSubscribers: scale(FULL.fanoutSubscribers),
    crashOrders: scale(FULL.crashOrders),
    restartWebhooks: scale(FULL.restartWebhooks),
    restartSubscribers: scale(FULL.restartSubscribers),
    fuzzRuns: scale(FULL.fuzzRuns),
  };
}
