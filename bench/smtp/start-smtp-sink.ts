import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  /** Messages accepted since the last reset. */
  readonly received: number;
  /** Recipients that got more than one message since the last reset. */
  readonly duplicates: number;
  readonly distinctRecipients: number;
  /** When the last message of the current count arrived (performance.now()). */
  readonly lastAt: number;
  /** Stops counting recipients (the 1M run keeps only the total). */
  discard: boolean;
  reset(): void;
  waitFor(count: number, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
};

/**
 * An in-process SMTP server that accepts everything and keeps only counts per recipient: enough to
 * prove "delivered exactly once" for 100,000 messages without holding their bodies.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  let perRecipient = new Map<string, number>();
  let received = 0;
  let duplicates = 0;
  let lastAt = 0;
  let discard = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 200,
    size: 2 * 1024 * 1024,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received++;
        lastAt = performance.now();
        if (!discard) {
          for (const r of session.envelope.rcptTo) {
            const key = r.address.toLowerCase();
            const n = (perRecipient.get(key) ?? 0) + 1;
            perRecipient.set(key, n);
            if (n === 2) duplicates++;
          }
        }
        callback();
      });
    },
  });
  // Workers stopped mid-send reset their connections; that ends a session, not the benchmark.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get discard() {
      return discard;
    },
    set discard(value: boolean) {
      discard = value;
    },
    get received() {
      return received;
    },
    get duplicates() {
      return duplicates;
    },
    get distinctRecipients() {
      return perRecipient.size;
    },
    get lastAt() {
      return lastAt;
    },
    reset() {
      perRecipient = new Map();
      received = 0;
      duplicates = 0;
      lastAt = 0;
    },
    async waitFor(count: number, timeoutMs: number) {
      const deadline = performance.now() + timeoutMs;
      while (received < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return received >= count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
