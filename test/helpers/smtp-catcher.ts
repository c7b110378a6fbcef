import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type CaughtMessage = {
  to: string[];
  messageId: string | null;
  subject: string | null;
  /** Raw header block (unfolded as received: folding would show as continuation lines). */
  headers: string;
  raw: string;
  /** Date.now() when the message was accepted. */
  at: number;
};

export type SmtpCatcher = {
  url: string;
  messages: CaughtMessage[];
  /** The next replies to RCPT TO for an address, e.g. [451] or [550]; afterwards it is accepted. */
  replyWith(address: string, codes: number[]): void;
  /** Rejects every RCPT TO for the address with this code. */
  alwaysReply(address: string, code: number): void;
  /** Messages per recipient. */
  countTo(address: string): number;
  /** Distinct Message-IDs per recipient: a resend after a crash carries the same one. */
  distinctTo(address: string): number;
  close(): Promise<void>;
};

/** An in-process SMTP server that records every message it accepts (tests only). */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const queued = new Map<string, number[]>();
  const always = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const addr = address.address.toLowerCase();
      const code = queued.get(addr)?.shift() ?? always.get(addr);
      if (code === undefined) return callback();
      const error = Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.split(/\r?\n\r?\n/)[0] ?? "";
        const header = (name: string) =>
          new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1]?.trim() ?? null;
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          messageId: header("Message-ID"),
          subject: header("Subject"),
          headers,
          raw,
          at: Date.now(),
        });
        callback();
      });
    },
  });
  // A client killed mid-session (the crash tests) resets its socket: expected, not a failure.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    replyWith: (address, codes) => queued.set(address.toLowerCase(), [...codes]),
    alwaysReply: (address, code) => always.set(address.toLowerCase(), code),
    countTo: (address) => to(address).length,
    distinctTo: (address) => new Set(to(address).map((m) => m.messageId)).size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
