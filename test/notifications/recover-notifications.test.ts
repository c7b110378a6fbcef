import { UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { sendNotificationsJob } from "../../web/server/queues/definitions/send-notifications.ts";
import { GAVE_UP_PREFIX } from "../../web/server/notifications/recovery-plan.ts";
import { sweepRestock } from "../../web/server/restock/sweep-restock.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { createRestockRows, useLedgerShop } from "./ledger-fixture.ts";

/** The sweeper's ledger recovery, end to end: rows left behind by dead or failed jobs get sent once. */
describe("ledger recovery by the sweeper", () => {
  const ledger = useLedgerShop("Recovery Shop", "Recovery Parka");

  const db = () => ledger.fx.app.deps.db;
  const minutesAgo = (m: number) => new Date(ledger.fx.clock.now.getTime() - m * 60_000);
  type RowState = {
    status: "PENDING" | "SENDING" | "FAILED";
    createdAt?: Date;
    claimedAt?: Date;
    lastError?: string;
    attempts?: number;
  };
  /** One restock ledger row per state, created 5 minutes ago unless the state says otherwise. */
  const rows = (prefix: string, states: RowState[]) =>
    createRestockRows(
      ledger,
      prefix,
      states.map((s) => ({ createdAt: minutesAgo(5), ...s })),
    );
  const state = async (id: string) => (await db().notification.findUniqueOrThrow({ where: { id } })).status;

  it("sends what dead jobs left (PENDING, expired claims, transient give-ups) once, and nothing else", async () => {
    const gaveUp = `${GAVE_UP_PREFIX}451 4.3.0 try again later`;
    const [pending, stale, live, revived, bounced, exhausted, old] = await rows("mixed", [
      { status: "PENDING" },
      { status: "SENDING", claimedAt: minutesAgo(15), attempts: 1 },
      { status: "SENDING", claimedAt: minutesAgo(0), attempts: 1 },
      { status: "FAILED", lastError: gaveUp, attempts: 12 },
      { status: "FAILED", lastError: "550 5.1.1 mailbox unavailable", attempts: 1 },
      { status: "FAILED", lastError: gaveUp, attempts: 36 },
      { status: "FAILED", lastError: gaveUp, attempts: 12, createdAt: minutesAgo(25 * 60) },
    ]);
    const worker = await ledger.fx.app.startWorker({ concurrency: 5 });
    try {
      const first = await sweepRestock(ledger.fx.app.workerDeps);
      expect(first.notifications).toEqual({ pending: 1, staleClaims: 1, revived: 1 });
      for (const row of [pending!, stale!, revived!])
        await waitFor(async () => ((await state(row.id)) === "SENT" ? true : null));
      // A second sweep finds nothing to do, and nothing goes out twice.
      const second = await sweepRestock(ledger.fx.app.workerDeps);
      expect(second.notifications).toEqual({ pending: 0, staleClaims: 0, revived: 0 });
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      await worker.close();
    }
    for (const row of [pending!, stale!, revived!]) expect(ledger.fx.smtp.countTo(row.recipient)).toBe(1);
    for (const row of [live!, bounced!, exhausted!, old!])
      expect(ledger.fx.smtp.countTo(row.recipient)).toBe(0);
    expect(await state(live!.id)).toBe("SENDING");
    expect(await state(bounced!.id)).toBe("FAILED");
    expect(await state(exhausted!.id)).toBe("FAILED");
    expect(await state(old!.id)).toBe("FAILED");
  });

  it("a sweep job the queue failed without our handler (stall limit) does not block the next sweep", async () => {
    const [row] = await rows("stalled", [{ status: "PENDING" }]);
    await sweepRestock(ledger.fx.app.workerDeps);
    // The queue fails the sweep's job the way it fails a job past its stall limit: for good, and
    // without the app's failure hook (here: a handler list whose send job fails unrecoverably).
    const failing = await ledger.fx.app.startWorker({
      handlers: [
        {
          definition: sendNotificationsJob,
          run: () => Promise.reject(new UnrecoverableError("job stalled more than allowable limit")),
        },
      ],
    });
    const email = ledger.fx.app.deps.queues.get("email");
    try {
      await waitFor(async () => (((await email.getJobCounts("failed")).failed ?? 0) >= 1 ? true : null));
    } finally {
      await failing.close();
    }
    expect(await state(row!.id)).toBe("PENDING");

    const worker = await ledger.fx.app.startWorker({ concurrency: 5 });
    try {
      expect((await sweepRestock(ledger.fx.app.workerDeps)).notifications.pending).toBe(1);
      await waitFor(async () => ((await state(row!.id)) === "SENT" ? true : null));
    } finally {
      await worker.close();
    }
    expect(ledger.fx.smtp.countTo(row!.recipient)).toBe(1);
  });
});
