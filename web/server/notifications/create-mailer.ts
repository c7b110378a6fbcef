import nodemailer from "nodemailer";
import DKIM from "nodemailer/lib/dkim";
import type { Config } from "../config.ts";
import { dkimSigning, fromAddress } from "./dkim-signing.ts";
import { createRawSmtpPool, messageStream } from "./raw-smtp-pool.ts";

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

/**
 * A message already encoded (a restock wave's, filled for one subscriber): sent as it is, with the
 * envelope from `from`'s address to `to`, over the raw pool (raw-smtp-pool.ts); DKIM still signs it.
 */
export type RawEmail = { from: string; to: string; messageId: string; raw: Buffer };

export type SendResult = { messageId: string; response: string };

export type SendOptions = {
  /**
   * Epoch ms after which this message must not start (its ledger claim would outlive the lease):
   * a send still waiting for a connection then rejects with SendWindowClosedError, unsent.
   */
  startBy?: number;
};

/** The message was never handed to SMTP: waiting for a connection outlasted `startBy`. */
export class SendWindowClosedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SendWindowClosedError";
  }
}

export type Mailer = {
  send(email: OutgoingEmail | RawEmail, opts?: SendOptions): Promise<SendResult>;
  /** Pooled connections: how many sends a batch should keep going at once. */
  readonly maxConnections: number;
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
  /** Sends handed to the pool at once per process (default 4 per connection); the rest wait here. */
  maxInFlight?: number;
};

/**
 * Two pools of kept-open SMTP connections, up to `maxConnections` each, opened as they are needed:
 * nodemailer's transport for composed emails, raw-smtp-pool.ts for encoded ones. Every message is
 * signed with DKIM when a key is configured. SMTP errors are passed through untouched:
 * classifySmtpError decides retry or failure from their response code.
 */
export function createMailer(
  config: Pick<Config, "smtpUrl"> & Partial<Pick<Config, "dkim">>,
  opts: Partial<MailerOptions> = {},
): Mailer {
  const smtpUrl = opts.smtpUrl ?? config.smtpUrl;
  if (!smtpUrl) throw new Error("createMailer: SMTP_URL is not configured");
  const socketTimeout = opts.socketTimeoutMs ?? 30_000;
  const maxConnections = opts.maxConnections ?? 5;
  // Bounded hand-off: a message queued inside nodemailer's pool could wait there past its claim's
  // lease; waiting here instead lets `startBy` be checked the moment a connection is near.
  // A few per connection keep every connection busy while the next message is being rendered.
  const gate = createGate(opts.maxInFlight ?? maxConnections * 4);
  const timeouts = {
    connectionTimeout: Math.min(socketTimeout, 30_000),
    greetingTimeout: Math.min(socketTimeout, 30_000),
    socketTimeout,
  };
  // Composed emails (order emails, confirmations): nodemailer builds their MIME.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections,
    maxMessages: Number.POSITIVE_INFINITY,
    ...timeouts,
  });
  // Encoded ones (restock waves: the hot path) go as they are, on connections of their own.
  const rawPool = createRawSmtpPool(smtpUrl, { maxConnections, ...timeouts });
  return {
    maxSendMs: socketTimeout,
    maxConnections,
    async send(email, sendOpts = {}) {
      await gate.enter();
      try {
        if (sendOpts.startBy !== undefined && Date.now() > sendOpts.startBy) {
          throw new SendWindowClosedError("send window closed before a connection was free");
        }
        return await sendOne(email);
      } finally {
        gate.leave();
      }
    },
    close() {
      transport.close();
      rawPool.close();
    },
  };

  async function sendOne(email: OutgoingEmail | RawEmail): Promise<SendResult> {
    const signing = dkimSigning(config.dkim, email.from);
    if ("raw" in email) {
      const signer = signing ? new DKIM(signing) : null;
      const info = await rawPool.send({ from: fromAddress(email.from), to: [email.to] }, () =>
        signer ? signer.sign(email.raw) : messageStream(email.raw),
      );
      return { messageId: email.messageId, response: info.response };
    }
    const info = await transport.sendMail({
      from: email.from,
      to: email.to,
      replyTo: email.replyTo,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      ...(signing ? { dkim: signing } : {}),
      // `prepared` stops nodemailer from folding: RFC 8058 clients read List-Unsubscribe whole.
      headers: Object.fromEntries(
        Object.entries(email.headers ?? {}).map(([key, value]) => [key, { prepared: true, value }]),
      ),
    });
    return { messageId: String(info.messageId), response: String(info.response ?? "") };
  }
}

/** A counting semaphore, FIFO. */
function createGate(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    enter(): Promise<void> {
      if (active < limit) {
        active += 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    leave(): void {
      const next = waiting.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else active -= 1;
    },
  };
}
