import type { Server } from "node:http";
import express from "express";
import { SMTPServer } from "smtp-server";
import type { Logger } from "../../server/logger.ts";
import { createMailStore, type MailStore } from "./mail-store.ts";
import { renderInbox, renderMessage } from "./render-mail-pages.ts";

export type MailCatcher = {
  smtpUrl: string;
  webUrl: string;
  store: MailStore;
  close(): Promise<void>;
};

export type MailCatcherOptions = {
  smtpPort: number;
  webPort: number;
  /** Where received mail is kept between runs; in memory only when absent. */
  file?: string;
  logger?: Logger;
  /** Linked from the catcher's header. */
  consoleUrl?: string;
  host?: string;
};

/**
 * An in-process SMTP server that accepts anything (no auth, no TLS: local only) and a web page
 * listing what arrived, each message shown rendered, as text and with its headers.
 */
export async function createMailCatcher(opts: MailCatcherOptions): Promise<MailCatcher> {
  const host = opts.host ?? "127.0.0.1";
  const store = createMailStore({
    file: opts.file,
    onError: (err) => opts.logger?.warn({ err }, "could not save caught mail"),
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const from = session.envelope.mailFrom;
        const mail = store.add({
          receivedAt: new Date().toISOString(),
          envelope: {
            from: from ? from.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        opts.logger?.info({ mailId: mail.id, to: mail.envelope.to.length }, "mail caught");
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });
  smtp.on("error", (err) => opts.logger?.warn({ err }, "mail catcher SMTP error"));

  const links = { console: opts.consoleUrl };
  const app = express();
  app.disable("x-powered-by");
  app.get("/", (_req, res) => {
    res.type("html").send(renderInbox(store.list(), links));
  });
  app.get("/api/messages", (_req, res) => {
    res.json(store.list().map((m) => ({ ...m, html: store.get(m.id)?.parsed.html ?? null })));
  });
  app.get("/messages/:id", (req, res) => {
    const mail = store.get(Number(req.params.id));
    if (!mail) return void res.status(404).type("text/plain").send("No such message");
    res.type("html").send(renderMessage(mail, links));
  });
  app.get("/messages/:id/raw", (req, res) => {
    const mail = store.get(Number(req.params.id));
    if (!mail) return void res.status(404).type("text/plain").send("No such message");
    res.type("text/plain").send(mail.raw);
  });
  app.post("/clear", (_req, res) => {
    store.clear();
    res.redirect(303, "/");
  });
  const web: Server = await new Promise((resolve, reject) => {
    const server = app.listen(opts.webPort, host, () => resolve(server));
    server.once("error", reject);
  });

  return {
    smtpUrl: `smtp://${host}:${opts.smtpPort}`,
    webUrl: `http://${host}:${opts.webPort}`,
    store,
    close: async () => {
      await new Promise<void>((resolve) => web.close(() => resolve()));
      web.closeAllConnections();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await store.flush();
    },
  };
}
