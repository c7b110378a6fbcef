import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

export type OutgoingEmail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Deterministic `<notification-id@backorder-hub>`: a resend after a crash is recognisable. */
  messageId: string;
  /** Extra headers, each written on one line as given (no folding). */
  headers?: Record<string, string>;
};

export type SendResult = { messageId: string; response: string };

export type Mailer = {
  send(email: OutgoingEmail): Promise<SendResult>;
  /**
   * The longest one send can take before the transport gives up (socket timeout). A ledger row
   * claimed longer ago than twice this belongs to a worker that died.
   */
  readonly maxSendMs: number;
  close(): void;
};

export type MailerOptions = {
  smtpUrl: string;
  /** Pooled connections per process. */
  maxConnections?: number;
  socketTimeoutMs?: number;
};

/**
 * A pooled nodemailer SMTP transport (connections are reused across messages). SMTP errors are
 * passed through untouched: classifySmtpError decides retry or failure from their response code.
 */
export function createMailer(config: Pick<Config, "smtpUrl">, opts: Partial<MailerOptions> = {}): Mailer {
  const smtpUrl = opts.smtpUrl ?? config.smtpUrl;
  if (!smtpUrl) throw new Error("createMailer: SMTP_URL is not configured");
  const socketTimeout = opts.socketTimeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: Math.min(socketTimeout, 30_000),
    greetingTimeout: Math.min(socketTimeout, 30_000),
    socketTimeout,
  });
  return {
    maxSendMs: socketTimeout,
    async send(email) {
      const info = await transport.sendMail({
        from: email.from,
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        // `prepared` stops nodemailer from folding: RFC 8058 clients read List-Unsubscribe whole.
        headers: Object.fromEntries(
          Object.entries(email.headers ?? {}).map(([key, value]) => [key, { prepared: true, value }]),
        ),
      });
      return { messageId: String(info.messageId), response: String(info.response ?? "") };
    },
    close() {
      transport.close();
    },
  };
}
