import type { Queue } from "bullmq";
import type { z } from "zod";
import type { JobDefinition, QueueName } from "./definitions/define-job.ts";
import { QUEUE_NAMES } from "./definitions/define-job.ts";
import type { QueueBackend } from "./queue-backend.ts";

export type Queues = {
  backend: QueueBackend;
  get(name: QueueName): Queue;
  /** Validates the payload against the job's schema, then adds it (a jobId dedupes while the job exists). */
  enqueue<S extends z.ZodType>(
    def: JobDefinition<S>,
    payload: z.input<S>,
    opts?: { jobId?: string; delay?: number },
  ): Promise<void>;
  enqueueBulk<S extends z.ZodType>(
    def: JobDefinition<S>,
    items: { payload: z.input<S>; jobId?: string; delay?: number }[],
  ): Promise<void>;
  close(): Promise<void>;
};

export function createQueues(backend: QueueBackend): Queues {
  const queues = new Map<QueueName, Queue>(QUEUE_NAMES.map((n) => [n, backend.createQueue(n)]));
  const get = (name: QueueName): Queue => {
    const queue = queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  };
  return {
    backend,
    get,
    async enqueue(def, payload, opts = {}) {
      const data = def.schema.parse(payload);
      await get(def.queue).add(def.name, data, { ...def.options, ...withoutUndefined(opts) });
    },
    async enqueueBulk(def, items) {
      if (items.length === 0) return;
      await get(def.queue).addBulk(
        items.map((item) => ({
          name: def.name,
          data: def.schema.parse(item.payload),
          opts: { ...def.options, ...withoutUndefined({ jobId: item.jobId, delay: item.delay }) },
        })),
      );
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      await backend.close();
    },
  };
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
