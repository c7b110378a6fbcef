import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** What the server does to the next message for an address. */
export type SmtpFault =
  /** Reply to RCPT TO with this code (421, 451, 550...). */
  | { rcpt: number }
  /** Take the whole message, then drop the connection before answering the final dot. */
  | { dropAfterData: true };

export type CaughtMessage = {
  to: string[];
  messageId: string | null;
  subject: string | null;
  /** Raw header block (unfolded as received: folding would show as continuation lines). */
  headers: string;
  raw: string;
  /** Date.now() when the message was received. */
  at: number;
  /** False when the connection was dropped after DATA: the sender never heard it was accepted. */
  acknowledged: boolean;
};

export type SmtpCatcher = {
  url: string;
  messages: CaughtMessage[];
  /** Faults for the next messages to this address, in order; afterwards messages are accepted. */
  script(address: string, faults: SmtpFault[]): void;
  /** The next replies to RCPT TO for an address, e.g. [451] or [550]; afterwards it is accepted. */
  replyWith(address: string, codes: number[]): void;
  /** Rejects every RCPT TO for the address with this code. */
  alwaysReply(address: string, code: number): void;
  /** Messages per recipient (dropped-after-DATA ones count: the mail was delivered). */
  countTo(address: string): number;
  /** Distinct Message-IDs per recipient: a resend after a crash carries the same one. */
  distinctTo(address: string): number;
  /** RCPT TO commands seen for the address, refused ones included. */
  rcptAttempts(address: string): number;
  close(): Promise<void>;
};

/** An in-process SMTP server that records every message it receives and misbehaves on demand. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const scripted = new Map<string, SmtpFault[]>();
  const always = new Map<string, number>();
  const rcpts = new Map<string, number>();
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 4 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const addr = address.address.toLowerCase();
      rcpts.set(addr, (rcpts.get(addr) ?? 0) + 1);
      const next = scripted.get(addr)?.[0];
      const code = next && "rcpt" in next ? (scripted.get(addr)!.shift(), next.rcpt) : always.get(addr);
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
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const drop = to.some((addr) => {
          const next = scripted.get(addr)?.[0];
          if (!next || !("dropAfterData" in next)) return false;
          scripted.get(addr)!.shift();
          return true;
        });
        messages.push({
          to,
          messageId: header("Message-ID"),
          subject: header("Subject"),
          headers,
          raw,
          at: Date.now(),
          acknowledged: !drop,
        });
        if (!drop) return callback();
        // The message is here, the client never learns it: the classic duplicate-risk case.
        const connections = (
          server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
        ).connections;
        for (const connection of connections) if (connection.id === session.id) connection._socket.destroy();
      });
    },
  });
  // Killed workers reset their sockets and dropped connections end mid-session: expected here.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  const script = (address: string, faults: SmtpFault[]) => scripted.set(address.toLowerCase(), [...faults]);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    script,
    replyWith: (address, codes) =>
      script(
        address,
        codes.map((rcpt) => ({ rcpt })),
      ),
    alwaysReply: (address, code) => always.set(address.toLowerCase(), code),
    countTo: (address) => to(address).length,
    distinctTo: (address) => new Set(to(address).map((m) => m.messageId)).size,
    rcptAttempts: (address) => rcpts.get(address.toLowerCase()) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Body of a caught message, quoted-printable soft breaks removed (enough to find text in it). */
export function messageText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
