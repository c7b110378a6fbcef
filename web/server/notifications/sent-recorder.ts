export type SentItem = { id: string; messageId: string };

export type SentRecorder = {
  /** Resolves once the row is recorded SENT (rejects when the write failed for good). */
  record(item: SentItem): Promise<void>;
};

/**
 * Group commit for "SMTP accepted it": every acceptance is written at once, together with whatever
 * else was accepted while the previous write was in flight. The window in which a crash leaves an
 * accepted message un-recorded (and so sent again after the lease) stays one write long, whatever
 * the throughput, while a busy worker still needs one UPDATE per dozens of messages.
 */
export function createSentRecorder(write: (items: SentItem[]) => Promise<void>): SentRecorder {
  let queued: { item: SentItem; done: (error?: unknown) => void }[] = [];
  let writing = false;

  const flush = () => {
    if (writing || queued.length === 0) return;
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
        flush();
      });
  };

  return {
    record(item) {
      return new Promise<void>((resolve, reject) => {
        queued.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
        flush();
      });
    },
  };
}
