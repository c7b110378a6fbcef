import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** What the server does to the next message for an address. */
export type SmtpFault =
  /** Reply to RCPT TO with this code (421, 451, 550...). */
  | { rcpt: number }
  /** Take the whole message, then drop the connection before answering the final dot. */
  | { dropAfterData: true };

export type ReceivedMessage = {
  to: string[];
  messageId: string | null;
  /** The header block as received (unfolded lines as sent). */
  headers: string;
  raw: string;
  /** False when the connection was dropped after DATA: the sender never heard it was accepted. */
  acknowledged: boolean;
};

export type FaultSmtp = {
  url: string;
  messages: ReceivedMessage[];
  /** Faults for the next messages to this address, in order; afterwards messages are accepted. */
  script(address: string, faults: SmtpFault[]): void;
  /** Every RCPT TO of the address answered with this code. */
  alwaysReply(address: string, code: number): void;
  /** Accepted messages per recipient (dropped-after-DATA ones count: the mail was delivered). */
  countTo(address: string): number;
  rcptAttempts(address: string): number;
  close(): Promise<void>;
};

/** An SMTP server for tests that can be told to misbehave per recipient. */
export async function startFaultSmtp(): Promise<FaultSmtp> {
  const messages: ReceivedMessage[] = [];
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
      callback(
        Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), {
          responseCode: code,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.split(/\r?\n\r?\n/)[0] ?? "";
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const drop = to.some((addr) => {
          const next = scripted.get(addr)?.[0];
          if (!next || !("dropAfterData" in next)) return false;
          scripted.get(addr)!.shift();
          return true;
        });
        messages.push({
          to,
          messageId: /^Message-ID:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? null,
          headers,
          raw,
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
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    script: (address, faults) => scripted.set(address.toLowerCase(), [...faults]),
    alwaysReply: (address, code) => always.set(address.toLowerCase(), code),
    countTo: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())).length,
    rcptAttempts: (address) => rcpts.get(address.toLowerCase()) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
