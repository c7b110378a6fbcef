import path from "node:path";
import type { BenchDeps } from "../env/create-bench-deps.ts";
import { forkChild, type Child } from "../proc/fork-child.ts";
import type { SmtpSink } from "../smtp/start-smtp-sink.ts";
import { buildNotificationEmail } from "../../web/server/notifications/build-notification-email.ts";
import { loadEmailShop } from "../../web/server/notifications/email-send-caches.ts";
import type { BaselineMailerArg } from "../workers/baseline-mailer.ts";

const MAILER = path.join(import.meta.dirname, "../workers/baseline-mailer.ts");

export type RenderedSample = BaselineMailerArg["message"];

/** One of the fan-out's own messages, rendered by the app's renderer, as the baseline's content. */
export async function renderSample(deps: BenchDeps, restockEventId: string): Promise<RenderedSample> {
  const row = await deps.db.notification.findFirstOrThrow({ where: { restockEventId } });
  const shop = await loadEmailShop(deps, row.shopId);
  if (!shop) throw new Error("fan-out shop is gone");
  const built = await buildNotificationEmail(deps, shop, row);
  if (!built.ok) throw new Error(`sample did not render: ${built.reason}`);
  const e = built.email;
  if ("raw" in e) throw new Error("sample rendered as a raw message");
  return { from: e.from, subject: e.subject, html: e.html, text: e.text, headers: e.headers ?? {} };
}

/**
 * nodemailer's pooled transport sending `count` copies of the rendered message straight to the
 * sink, split over `processes` processes (as many as our workers), 5 connections each.
 */
export async function runFanoutBaseline(
  sink: SmtpSink,
  message: RenderedSample,
  count: number,
  processes: number,
  timeoutMs: number,
): Promise<{ elapsedMs: number; msgPerSec: number; delivered: number; duplicates: number; failed: number }> {
  const per = Math.ceil(count / processes);
  const children: Child[] = await Promise.all(
    Array.from({ length: processes }, (_, p) =>
      forkChild(MAILER, {
        smtpUrl: sink.url,
        prefix: "baseline",
        from: p * per,
        to: Math.min(count, (p + 1) * per),
        maxConnections: 5,
        inFlight: 50,
        message,
      } satisfies BaselineMailerArg),
    ),
  );
  try {
    sink.reset();
    const done = children.map(
      (c) =>
        new Promise<number>((resolve) =>
          c.process.once("message", (m: { failed?: number }) => resolve(m.failed ?? 0)),
        ),
    );
    const t0 = performance.now();
    for (const c of children) c.process.send("go");
    const complete = await sink.waitFor(count, timeoutMs);
    const elapsedMs = (complete ? sink.lastAt : performance.now()) - t0;
    const failed = (
      await Promise.race([Promise.all(done), new Promise<number[]>((r) => setTimeout(() => r([]), 5_000))])
    ).reduce((a, b) => a + b, 0);
    return {
      elapsedMs,
      msgPerSec: (Math.min(sink.received, count) / elapsedMs) * 1000,
      delivered: sink.received,
      duplicates: sink.duplicates,
      failed,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop(2_000)));
  }
}
