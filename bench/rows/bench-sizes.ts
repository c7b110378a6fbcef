export type BenchSizes = {
  /** Alternating ours/baseline rounds of the HTTP rows; the figure is the median. */
  httpRounds: number;
  httpRoundMs: number;
  httpWarmupMs: number;
  httpConnections: number;
  /** The fixed arrival rate the p99 targets are stated at, and for how long. */
  fixedRate: number;
  fixedRateMs: number;
  fanoutSubscribers: number;
  fanoutWorkers: number;
  workerConcurrency: number;
  memorySubscribers: number;
  adminOrders: number;
  adminRestoreRate: number;
  allocateLines: number;
  scaleSubscribers: number;
  scaleWorkerCounts: number[];
};

export const SIZES: Record<"default" | "small", BenchSizes> = {
  // The sizes. Every wait is bounded so the table ends within 15 minutes on 2 cores.
  default: {
    httpRounds: 3,
    httpRoundMs: 4_000,
    httpWarmupMs: 1_000,
    httpConnections: 32,
    fixedRate: 1_000,
    fixedRateMs: 8_000,
    fanoutSubscribers: 100_000,
    fanoutWorkers: 2,
    workerConcurrency: 32,
    memorySubscribers: 1_000_000,
    adminOrders: 1_000,
    adminRestoreRate: 100,
    allocateLines: 10_000,
    scaleSubscribers: 20_000,
    scaleWorkerCounts: [1, 2, 4],
  },
  // Proves every row works end to end in seconds (the test suite's smoke test).
  small: {
    httpRounds: 1,
    httpRoundMs: 600,
    httpWarmupMs: 200,
    httpConnections: 4,
    fixedRate: 100,
    fixedRateMs: 800,
    fanoutSubscribers: 200,
    fanoutWorkers: 2,
    workerConcurrency: 8,
    memorySubscribers: 1_000,
    adminOrders: 20,
    adminRestoreRate: 100,
    allocateLines: 1_000,
    scaleSubscribers: 100,
    scaleWorkerCounts: [1, 2],
  },
};
