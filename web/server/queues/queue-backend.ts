// The one place that builds queue connections. Redis (a server or a cluster, ./redis-connection.ts)
// when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend on the app's own database, so a fresh
// machine needs no service.
import { Queue, Worker, createPostgresBackend, type Processor, type WorkerOptions } from "bullmq";
import { connectRedis, type RedisConnection } from "./redis-connection.ts";

export type QueueBackend = {
  kind: "redis" | "postgres";
  createQueue(name: string): Queue;
  createWorker(name: string, processor: Processor, opts: Partial<WorkerOptions>): Worker;
  /** Throws when the backend cannot be reached (readiness). */
  ping(): Promise<void>;
  /**
   * Redis only: counts `hits` hits (default one) against `key` in a fixed window of `windowSeconds`
   * (rate limits; see web/server/limits/create-hit-counter.ts, which uses the database otherwise).
   */
  countHit?(
    key: string,
    windowSeconds: number,
    hits?: number,
  ): Promise<{ count: number; msUntilWindowEnd: number }>;
  close(): Promise<void>;
};

export function createQueueBackend(opts: {
  redisUrl?: string;
  databaseUrl: string;
  /** Namespace for every key/table; hash-tagged on Redis so a queue's keys share a cluster slot. */
  prefix?: string;
}): QueueBackend {
  return opts.redisUrl
    ? createRedisQueueBackend(opts.redisUrl, opts.prefix ?? "bh")
    : createPostgresQueueBackend(opts.databaseUrl, opts.prefix);
}

function createRedisQueueBackend(url: string, prefix: string): QueueBackend {
  // Producers fail fast when Redis is away (the webhook route must answer 5xx, not hang);
  // workers wait for it forever, as BullMQ requires for blocking connections.
  const producer = connectRedis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  const workerConnections: RedisConnection[] = [];
  producer.on("error", () => undefined); // surfaced through failed commands and /readyz
  const keyPrefix = `{${prefix}}`;
  return {
    kind: "redis",
    createQueue: (name) => quiet(new Queue(name, { connection: producer, prefix: keyPrefix })),
    createWorker: (name, processor, workerOpts) => {
      const connection = connectRedis(url, { maxRetriesPerRequest: null });
      connection.on("error", () => undefined);
      workerConnections.push(connection);
      return new Worker(name, processor, { ...workerOpts, connection, prefix: keyPrefix });
    },
    countHit: async (key, windowSeconds, hits = 1) => {
      const [count, ttl] = (await producer.eval(
        COUNT_HIT,
        1,
        `${keyPrefix}:rate:${key}`,
        String(windowSeconds * 1000),
        String(hits),
      )) as [number, number];
      return { count, msUntilWindowEnd: Math.max(0, ttl) };
    },
    ping: async () => {
      // Right after start the connection may still be opening; commands fail fast until it is ready.
      if (producer.status !== "ready") await onceReady(producer, 1_500);
      await producer.ping();
    },
    close: async () => {
      await Promise.all(workerConnections.map((c) => c.quit().catch(() => c.disconnect())));
      await producer.quit().catch(() => producer.disconnect());
    },
  };
}

// INCRBY ARGV[2], and the window's expiry (ARGV[1] ms) set by its first hits; answers the count and
// the ms left.
const COUNT_HIT = `local n = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

function createPostgresQueueBackend(databaseUrl: string, schema?: string): QueueBackend {
  const connection = { connectionString: databaseUrl, migrate: true, max: 3, ...(schema ? { schema } : {}) };
  const pingClient = { connectionString: databaseUrl };
  return {
    kind: "postgres",
    createQueue: (name) => quiet(new Queue(name, { connection }, createPostgresBackend) as unknown as Queue),
    createWorker: (name, processor, workerOpts) =>
      new Worker(name, processor, { ...workerOpts, connection }, createPostgresBackend) as unknown as Worker,
    ping: async () => {
      const pg = await import("pg");
      const client = new pg.default.Client(pingClient);
      await client.connect();
      try {
        await client.query("select 1");
      } finally {
        await client.end();
      }
    },
    close: async () => undefined,
  };
}

/**
 * A Queue re-emits its connection's errors; with no listener BullMQ prints each one raw to stderr
 * (a dozen unstructured lines a second while Redis restarts). They are not lost: every command
 * that needed the connection rejects where it is awaited, and /readyz reports the backend.
 */
function quiet(queue: Queue): Queue {
  queue.on("error", () => undefined);
  return queue;
}

function onceReady(redis: RedisConnection, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", ready);
      reject(new Error(`redis ${redis.status}`));
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", ready);
  });
}
