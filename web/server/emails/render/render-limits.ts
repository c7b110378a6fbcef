/**
 * What one email render may take, whatever the template: the subject, both body parts and the
 * layout around them share one time budget. A render thread stops a render at the budget
 * (liquidjs' `renderLimit`); one that does not stop within the grace is terminated by the pool.
 */
export const RENDER_BUDGET_MS = 300;
export const RENDER_KILL_GRACE_MS = 200;
/** A render that has not started after this long (every thread busy) gives up as busy. */
export const RENDER_QUEUE_WAIT_MS = 5_000;
/** Renders of one template gathered into one message to a thread (the restock fan-out). */
export const RENDER_BATCH_SIZE = 32;
/** Heap of one render thread; `memoryLimit` in create-liquid-engines.ts bounds one render well below it. */
export const RENDER_THREAD_HEAP_MB = 256;
