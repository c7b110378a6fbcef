import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processWebhookJob, webhookJobId } from "../../web/server/queues/definitions/process-webhook.ts";
import { sweepWebhooks } from "../../jobs/webhooks/sweep-webhooks.ts";
import { recordWebhook } from "../../web/server/webhooks/record-webhook.ts";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const SHOP = "sweep-test.myshopify.com";

describe("webhook sweeper", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.deps.db.shop.create({ data: { domain: SHOP, settings: { create: {} } } });
  });
  afterAll(() => app?.close());

  /**
   * An orders/paid event recorded two minutes ago, with no job unless the test adds one. The app
   * has no handler for that topic: a job that runs marks it SKIPPED.
   */
  async function recordOld(n: number): Promise<bigint> {
    const eventKey = `sweep-${n}-${crypto.randomUUID()}`;
    const body = JSON.stringify({ id: 9000 + n, email: "sweep@example.com", line_items: [] });
    const { id } = await recordWebhook(
      app.deps.db,
      {
        topic: "orders/paid",
        shopDomain: SHOP,
        webhookId: eventKey,
        eventKey,
        apiVersion: null,
        triggeredAt: null,
      },
      body,
    );
    await app.deps.db.webhookEvent.update({
      where: { id },
      data: { receivedAt: new Date(Date.now() - 120_000) },
    });
    return id;
  }
  const statusOf = async (id: bigint) =>
    (await app.deps.db.webhookEvent.findUniqueOrThrow({ where: { id } })).status;

  it("re-runs events whose job failed for good or is gone, passes over live jobs without being held up", async () => {
    const backingOff = await recordOld(1);
    const failedForGood = await recordOld(2);
    const orphan = await recordOld(3);
    const events = app.deps.queues.get(processWebhookJob.queue);
    await app.deps.queues.enqueue(
      processWebhookJob,
      { webhookEventId: String(backingOff) },
      { jobId: webhookJobId(backingOff), delay: 600_000 },
    );
    // The queue fails this one for good without the app's handler running (e.g. past its stall limit).
    await app.deps.queues.enqueue(
      processWebhookJob,
      { webhookEventId: String(failedForGood) },
      { jobId: webhookJobId(failedForGood) },
    );
    const failing = await app.startWorker({
      handlers: [
        {
          definition: processWebhookJob,
          run: () => Promise.reject(new UnrecoverableError("job stalled more than allowable limit")),
        },
      ],
    });
    try {
      await waitFor(async () =>
        (await events.getJob(webhookJobId(failedForGood)))?.failedReason ? true : null,
      );
    } finally {
      await failing.close();
    }

    // One per run: the live job at the head of the backlog does not use up the run.
    expect(await sweepWebhooks(app.workerDeps, 1)).toBe(1);
    expect(await events.getJob(webhookJobId(failedForGood)).then((j) => j?.getState())).toBe("waiting");
    expect(await sweepWebhooks(app.workerDeps, 1)).toBe(1);
    expect(await events.getJob(webhookJobId(orphan)).then((j) => j?.getState())).toBe("waiting");
    expect(await sweepWebhooks(app.workerDeps)).toBe(0);

    const worker = await app.startWorker();
    try {
      await waitFor(async () =>
        (await statusOf(failedForGood)) === "SKIPPED" && (await statusOf(orphan)) === "SKIPPED" ? true : null,
      );
    } finally {
      await worker.close();
    }
    expect(await statusOf(backingOff)).toBe("RECEIVED");
    expect(await events.getJob(webhookJobId(backingOff)).then((j) => j?.getState())).toBe("delayed");
  });
});
