import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { classifySmtpError } from "../../web/server/notifications/classify-smtp-error.ts";
import {
  createRawSmtpPool,
  messageStream,
  type RawSmtpPool,
} from "../../web/server/notifications/raw-smtp-pool.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher.ts";

const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 5_000 };

function rawMessage(to: string, n: number, body = `Back in stock, message ${n}.`): Buffer {
  return Buffer.from(
    [
      `From: Shop <shop@example.com>`,
      `To: ${to}`,
      `Subject: Restock ${n}`,
      `Message-ID: <n${n}@backorder-hub>`,
      `Content-Type: text/plain; charset=utf-8`,
      ``,
      body,
      ``,
    ].join("\r\n"),
  );
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function catcher(): Promise<SmtpCatcher> {
  const smtp = await startSmtpCatcher();
  cleanups.push(() => smtp.close());
  return smtp;
}

function pool(url: string, maxConnections = 2): RawSmtpPool {
  const p = createRawSmtpPool(url, { maxConnections, ...TIMEOUTS });
  cleanups.push(() => p.close());
  return p;
}

const send = (p: RawSmtpPool, to: string, n: number, body?: string) =>
  p.send({ from: "shop@example.com", to: [to] }, () => messageStream(rawMessage(to, n, body)));

/** An SMTP server that counts connections and logins, and can close every idle connection. */
async function countingServer(opts: { auth?: { user: string; pass: string } } = {}) {
  const stats = { connections: 0, logins: [] as string[], messages: [] as string[] };
  const server = new SMTPServer({
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      stats.connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      stats.logins.push(`${auth.username}:${auth.password}`);
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) {
        return callback(null, { user: auth.username });
      }
      callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        stats.messages.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const closeIdle = () => {
    const open = (server as unknown as { connections: Set<{ _socket: { end(): void } }> }).connections;
    for (const connection of open) connection._socket.end();
  };
  return { port, stats, closeIdle };
}

describe("the raw SMTP pool (encoded messages, nodemailer's SMTPConnection)", () => {
  it("delivers each message's bytes as given, a leading dot included, over at most its connections", async () => {
    const server = await countingServer();
    const p = pool(`smtp://127.0.0.1:${server.port}`, 2);
    const infos = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        send(p, `s${n}@example.com`, n, n === 3 ? ".dot\r\n.." : undefined),
      ),
    );
    expect(infos.every((i) => /^250/.test(i.response))).toBe(true);
    expect(server.stats.messages).toHaveLength(20);
    expect(server.stats.connections).toBeLessThanOrEqual(2);
    const third = server.stats.messages.find((m) => m.includes("Subject: Restock 3"))!;
    expect(third).toBe(rawMessage("s3@example.com", 3, ".dot\r\n..").toString("utf8"));
  });

  it("logs in with the URL's user and password on every connection it opens", async () => {
    const server = await countingServer({ auth: { user: "mailer", pass: "s3cret" } });
    const p = pool(`smtp://mailer:s3cret@127.0.0.1:${server.port}`, 2);
    await Promise.all([1, 2, 3, 4].map((n) => send(p, `a${n}@example.com`, n)));
    expect(server.stats.messages).toHaveLength(4);
    expect(server.stats.logins.length).toBe(server.stats.connections);
    expect(new Set(server.stats.logins)).toEqual(new Set(["mailer:s3cret"]));
    const refused = pool(`smtp://mailer:wrong@127.0.0.1:${server.port}`, 1);
    const error = await send(refused, "b@example.com", 9).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "EAUTH" });
    expect(classifySmtpError(error).kind).toBe("permanent");
  });

  it("sends again, once, when the server closed an idle connection before the message left", async () => {
    const server = await countingServer();
    const p = pool(`smtp://127.0.0.1:${server.port}`, 1);
    await send(p, "first@example.com", 1);
    server.closeIdle();
    // The pool learns of the close only when it uses the connection, or from its end event.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await send(p, "second@example.com", 2);
    expect(server.stats.messages.filter((m) => m.includes("To: second@example.com"))).toHaveLength(1);
    expect(server.stats.connections).toBe(2);
  });

  it("passes a refused recipient's reply on and keeps the connection for the next message", async () => {
    const smtp = await catcher();
    const p = pool(smtp.url, 1);
    smtp.replyWith("gone@example.com", [550]);
    smtp.replyWith("later@example.com", [451]);
    const gone = await send(p, "gone@example.com", 1).catch((e: unknown) => e);
    expect(classifySmtpError(gone)).toMatchObject({ kind: "permanent", hardBounce: true });
    const later = await send(p, "later@example.com", 2).catch((e: unknown) => e);
    expect(classifySmtpError(later).kind).toBe("transient");
    // Not retried by the pool: the ledger decides when a deferral goes again.
    expect(smtp.rcptAttempts("later@example.com")).toBe(1);
    await send(p, "fine@example.com", 3);
    expect(smtp.countTo("fine@example.com")).toBe(1);
  });

  it("never sends twice a message whose answer was lost after DATA: the caller hears a transient error", async () => {
    const smtp = await catcher();
    const p = pool(smtp.url, 1);
    await send(p, "warm@example.com", 0);
    smtp.script("lost@example.com", [{ dropAfterData: true }]);
    const error = await send(p, "lost@example.com", 1).catch((e: unknown) => e);
    expect(classifySmtpError(error).kind).toBe("transient");
    expect(smtp.countTo("lost@example.com")).toBe(1);
    await send(p, "after@example.com", 2);
    expect(smtp.countTo("after@example.com")).toBe(1);
  });

  it("rejects what is still waiting when closed, and every send after", async () => {
    const smtp = await catcher();
    const p = createRawSmtpPool(smtp.url, { maxConnections: 1, ...TIMEOUTS });
    const sends = [1, 2, 3].map((n) =>
      send(p, `w${n}@example.com`, n).then(
        () => "sent",
        (e: { code?: string }) => e.code,
      ),
    );
    p.close();
    const outcomes = await Promise.all(sends);
    expect(outcomes.slice(1)).toEqual(["ECONNECTION", "ECONNECTION"]);
    await expect(send(p, "late@example.com", 4)).rejects.toMatchObject({ code: "ECONNECTION" });
  });
});
