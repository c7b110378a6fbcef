// Child process: the fan-out baseline. nodemailer's pooled transport sends already rendered
// messages straight to the sink: no ledger, no queue, no rendering.
import nodemailer from "nodemailer";
import { childArg, sendReady } from "../proc/fork-child.ts";

export type BaselineMailerArg = {
  smtpUrl: string;
  /** Recipients `${prefix}-${i}@example.com` for i in [from, to). */
  prefix: string;
  from: number;
  to: number;
  maxConnections: number;
  /** sendMail calls in flight (the pool queues the rest). */
  inFlight: number;
  message: { from: string; subject: string; html: string; text: string; headers: Record<string, string> };
};

const arg = childArg<BaselineMailerArg>();
const transport = nodemailer.createTransport({
  url: arg.smtpUrl,
  pool: true,
  maxConnections: arg.maxConnections,
  maxMessages: Number.POSITIVE_INFINITY,
});
sendReady({ pid: process.pid });
process.once("message", async (m) => {
  if (m !== "go") return;
  const headers = Object.fromEntries(
    Object.entries(arg.message.headers).map(([key, value]) => [key, { prepared: true, value }]),
  );
  let next = arg.from;
  let failed = 0;
  const lane = async () => {
    while (next < arg.to) {
      const i = next++;
      await transport
        .sendMail({
          ...arg.message,
          to: `${arg.prefix}-${i}@example.com`,
          messageId: `<baseline-${arg.prefix}-${i}@backorder-hub>`,
          headers,
        })
        .catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: arg.inFlight }, lane));
  transport.close();
  process.send?.({ done: true, failed }, () => process.exit(0));
});
