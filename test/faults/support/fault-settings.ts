// The fault suite's knobs, read from the environment here and nowhere else (the suite's own
// config.ts, in the spirit of the app's):
// - FAULTS_SCALE: sizes. The default fits the CI budget on a 2-core machine; "full" runs the sizes
//   the issue names; a number (0 < n <= 1) scales the full sizes.
// - FAULTS_SEED: the seed of generated days and fuzz cases (default 20261122).
// - FAULTS_DEBUG: timing lines on the console.
// - FAULTS_NODE_OPTIONS: NODE_OPTIONS for the app's processes (e.g. "--require ./trace.cjs").

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

function faultSizes(value: string | undefined): FaultSizes {
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

export type FaultSettings = {
  sizes: FaultSizes;
  seed: number;
  debug: boolean;
  nodeOptions: string | undefined;
  /** Per test: the full sizes play 10,000 webhooks twice (in order, then shuffled) in one test. */
  testTimeoutMs: number;
};

export function faultSettings(env: Record<string, string | undefined>): FaultSettings {
  const sizes = faultSizes(env.FAULTS_SCALE);
  return {
    sizes,
    seed: Number(env.FAULTS_SEED ?? 20261122),
    debug: Boolean(env.FAULTS_DEBUG),
    nodeOptions: env.FAULTS_NODE_OPTIONS || undefined,
    testTimeoutMs: sizes.label === "default" ? 600_000 : 3_600_000,
  };
}

export const FAULTS: FaultSettings = faultSettings(process.env);
