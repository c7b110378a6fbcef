import { createHash } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { RenderPoolBusyError, TemplateRenderError, tooSlow, type RenderFailure } from "./render-failure.ts";
import {
  RENDER_BATCH_SIZE,
  RENDER_BUDGET_MS,
  RENDER_KILL_GRACE_MS,
  RENDER_QUEUE_WAIT_MS,
  RENDER_THREAD_HEAP_MB,
} from "./render-limits.ts";
import {
  PROGRESS_PART,
  PROGRESS_PARTS,
  PROGRESS_SLOTS,
  PROGRESS_STARTED,
  PROGRESS_STARTED_AT,
  type RenderOutcome,
  type RenderRequest,
  type RenderTask,
  type RenderTaskResult,
  type TemplateRef,
} from "./render-task.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import type { RenderedEmail, TemplateKind, TemplateSource } from "./template-kinds.ts";
import { toValidationError, type TemplateValidation } from "./validate-template.ts";

export type RenderPoolOptions = {
  /** Render threads; default one per core of the machine but one, which stays with the event loop. */
  threads?: number;
  budgetMs?: number;
  killGraceMs?: number;
  queueWaitMs?: number;
  batchSize?: number;
  /**
   * Added to the threads' nice value (default 10): below the event loop of a process that answers
   * HTTP. A worker process, where rendering is the work, passes 0.
   */
  niceIncrement?: number;
  /** Told when a thread is terminated for overrunning a render (to log it). */
  onKill?: (info: { op: RenderRequest["op"]; part: RenderFailure["part"] }) => void;
};

/** Every email render of a process, off its event loop (see render-thread.ts). */
export type RenderPool = {
  /** A merchant's template against the sample context, in one budget (the editor's save and preview). */
  validate(source: TemplateSource, kind?: TemplateKind): Promise<TemplateValidation>;
  /** Whether a template parses: the failure, or null. */
  check(template: TemplateRef): Promise<RenderFailure | null>;
  /** One email; renders of one template are gathered into batches. Throws TemplateRenderError. */
  render(template: TemplateRef, context: object): Promise<RenderedEmail>;
  readonly budgetMs: number;
  /** Threads terminated so far for overrunning a render. */
  readonly killedThreads: number;
  close(): Promise<void>;
};

export function defaultRef(kind: TemplateKind, locale: SupportedLocale): TemplateRef {
  return { origin: "default", kind, locale };
}

export function overrideRef(
  kind: TemplateKind,
  locale: SupportedLocale,
  source: TemplateSource,
): TemplateRef {
  const key = createHash("sha256")
    .update(JSON.stringify([kind, locale, source.subject, source.html, source.text]))
    .digest("base64url");
  return { origin: "override", kind, locale, key, source };
}

type Item = { context: object; resolve: (email: RenderedEmail) => void; reject: (error: unknown) => void };
type Stopped = { stopped: "busy" } | { stopped: "killed"; item: number; part: RenderFailure["part"] };

/**
 * A piscina pool of render threads sized to the machine. Each render has one budget for all its
 * parts; the thread enforces it, and a watchdog here terminates a thread whose render is still
 * running `killGraceMs` after its budget (a filter liquidjs cannot interrupt). One core is left to
 * the event loop and the threads run at a lower priority (nice), so /healthz and webhooks answer
 * while templates render.
 */
export function createRenderPool(opts: RenderPoolOptions = {}): RenderPool {
  const budgetMs = opts.budgetMs ?? RENDER_BUDGET_MS;
  const killGraceMs = opts.killGraceMs ?? RENDER_KILL_GRACE_MS;
  const queueWaitMs = opts.queueWaitMs ?? RENDER_QUEUE_WAIT_MS;
  const batchSize = opts.batchSize ?? RENDER_BATCH_SIZE;
  const threads = Math.max(1, opts.threads ?? os.availableParallelism() - 1);
  const piscina = new Piscina({
    filename: fileURLToPath(new URL("./render-thread.ts", import.meta.url)),
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    niceIncrement: opts.niceIncrement ?? 10,
    resourceLimits: { maxOldGenerationSizeMb: RENDER_THREAD_HEAP_MB },
  });
  let closed = false;
  let killedThreads = 0;

  /** Runs one task under the watchdog: its result, or why it was stopped. */
  async function run<Op extends RenderRequest["op"]>(
    request: RenderRequest & { op: Op },
  ): Promise<{ result: RenderTaskResult[Op] } | Stopped> {
    if (closed) throw new Error("render pool closed");
    const progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * 4));
    const epochMs = Date.now();
    const controller = new AbortController();
    let stopped: Stopped | null = null;
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      const elapsed = Date.now() - epochMs;
      const started = Atomics.load(progress, PROGRESS_STARTED);
      if (started === 0) {
        if (elapsed >= queueWaitMs) stopped = { stopped: "busy" };
        else timer = setTimeout(watch, Math.min(budgetMs + killGraceMs, queueWaitMs - elapsed));
      } else {
        const left = Atomics.load(progress, PROGRESS_STARTED_AT) + budgetMs + killGraceMs - elapsed;
        if (left <= 0) {
          stopped = {
            stopped: "killed",
            item: started - 1,
            part: PROGRESS_PARTS[Atomics.load(progress, PROGRESS_PART)] ?? "html",
          };
        } else timer = setTimeout(watch, left);
      }
      // Aborting a running task terminates its thread; piscina starts another when needed.
      if (stopped) controller.abort();
    };
    timer = setTimeout(watch, Math.min(budgetMs + killGraceMs, queueWaitMs));
    const stop = (): Stopped | null => {
      const why: Stopped | null = stopped;
      if (why?.stopped === "killed") {
        killedThreads += 1;
        opts.onKill?.({ op: request.op, part: why.part });
      }
      return why;
    };
    try {
      const result = (await piscina.run({ ...request, progress, epochMs, budgetMs } satisfies RenderTask, {
        signal: controller.signal,
      })) as RenderTaskResult[Op];
      return { result };
    } catch (error) {
      // A thread that ran out of heap died of the template it rendered.
      if (!stopped && (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        stopped = { stopped: "killed", item: Atomics.load(progress, PROGRESS_STARTED) - 1, part: "html" };
      }
      const why = stop();
      if (why) return why;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  const tooLong = (stop: Extract<Stopped, { stopped: "killed" }>) => tooSlow(stop.part, budgetMs);

  // Renders waiting for their batch, by template.
  const waiting = new Map<string, { template: TemplateRef; items: Item[] }>();

  function enqueue(template: TemplateRef, items: Item[]): void {
    const key = template.origin === "default" ? `d:${template.kind}:${template.locale}` : `o:${template.key}`;
    let entry = waiting.get(key);
    if (!entry) {
      entry = { template, items: [] };
      waiting.set(key, entry);
      // Everything asked for in this turn of the event loop goes in the same batches.
      setImmediate(() => flush(key));
    }
    entry.items.push(...items);
  }

  function flush(key: string): void {
    const entry = waiting.get(key);
    if (!entry) return;
    waiting.delete(key);
    for (let i = 0; i < entry.items.length; i += batchSize) {
      void renderBatch(entry.template, entry.items.slice(i, i + batchSize));
    }
  }

  async function renderBatch(template: TemplateRef, items: Item[]): Promise<void> {
    let outcome;
    try {
      outcome = await run({ op: "render", template, contexts: items.map((i) => i.context) });
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    if ("result" in outcome) {
      outcome.result.forEach((result: RenderOutcome, index) => {
        const item = items[index]!;
        if (result.ok) item.resolve(result.email);
        else item.reject(new TemplateRenderError(result.failure));
      });
      return;
    }
    if (outcome.stopped === "busy") {
      for (const item of items) item.reject(new RenderPoolBusyError());
      return;
    }
    // The terminated thread took its finished renders with it: the others go round again.
    const killed = Math.max(0, outcome.item);
    items[killed]?.reject(new TemplateRenderError(tooLong(outcome)));
    const again = items.filter((_, index) => index !== killed);
    if (again.length > 0) enqueue(template, again);
  }

  return {
    budgetMs,
    get killedThreads() {
      return killedThreads;
    },
    async validate(source, kind) {
      const outcome = await run({ op: "validate", source, ...(kind ? { kind } : {}) });
      if ("result" in outcome) return outcome.result;
      if (outcome.stopped === "busy") throw new RenderPoolBusyError();
      const part = outcome.part === "layout" ? "html" : outcome.part;
      return { ok: false, errors: [toValidationError(part, tooLong(outcome))], warnings: [] };
    },
    async check(template) {
      const outcome = await run({ op: "parse", template });
      if ("result" in outcome) return outcome.result;
      if (outcome.stopped === "busy") throw new RenderPoolBusyError();
      return tooLong(outcome);
    },
    render(template, context) {
      return new Promise<RenderedEmail>((resolve, reject) =>
        enqueue(template, [{ context, resolve, reject }]),
      );
    },
    async close() {
      closed = true;
      await piscina.destroy();
    },
  };
}
