export type SentItem = { id: string; messageId: string };

export type SentRecorder = {
  /** Resolves once the row is recorded SENT (rejects when the write failed for good). */
  record(item: SentItem): Promise<void>;
};

export type SentRecorderOptions = {
  /**
   * How long an acceptance may wait for others to share its write (the commit). Without it a busy
   * worker writes every one or two acceptances: one UPDATE, one commit and one WAL flush each.
   */
  lingerMs: number;
  /** A write is started at once when this many acceptances are waiting. */
  maxBatch: number;
};

export const SENT_RECORDER_DEFAULTS: SentRecorderOptions = { lingerMs: 20, maxBatch: 500 };

/**
 * Group commit for "SMTP accepted it": acceptances are written together, one write at a time, each
 * write taking everything accepted up to then. A write starts when the oldest waiting acceptance
 * has waited `lingerMs`, or `maxBatch` are waiting. The window in which a crash leaves an accepted
 * message un-recorded (and so sent again after the lease, with the same Message-ID) is at most
 * `lingerMs` plus one write long, whatever the throughput, while a busy worker needs one UPDATE
 * per dozens of messages.
 */
export function createSentRecorder(
  write: (items: SentItem[]) => Promise<void>,
  opts: SentRecorderOptions = SENT_RECORDER_DEFAULTS,
): SentRecorder {
  let queued: { item: SentItem; done: (error?: unknown) => void }[] = [];
  let oldestAt = 0;
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (writing || timer || queued.length === 0) return;
    const waitMs = oldestAt + opts.lingerMs - Date.now();
    if (queued.length >= opts.maxBatch || waitMs <= 0) {
      flush();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      flush();
    }, waitMs);
  };

  const flush = () => {
    if (writing || queued.length === 0) return;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    writing = true;
    const batch = queued;
    queued = [];
    write(batch.map((q) => q.item))
      .then(
        () => {
          for (const q of batch) q.done();
        },
        (error: unknown) => {
          for (const q of batch) q.done(error ?? new Error("recording SENT failed"));
        },
      )
      .finally(() => {
        writing = false;
        schedule();
      });
  };

  return {
    record(item) {
      return new Promise<void>((resolve, reject) => {
        if (queued.length === 0) oldestAt = Date.now();
        queued.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
        if (queued.length >= opts.maxBatch) flush();
        else schedule();
      });
    },
  };
}
