import { Readable } from "node:stream";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";

export type RawEnvelope = { from: string; to: string[] };
export type RawSendInfo = { response: string };

export type RawSmtpPoolOptions = {
  maxConnections: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

export type RawSmtpPool = {
  /**
   * Sends one encoded message over the first free connection. `message` makes the bytes for one
   * attempt (a signing stream cannot be replayed). Errors are nodemailer's SMTPConnection errors,
   * with their `code` and `responseCode`, for classifySmtpError.
   */
  send(envelope: RawEnvelope, message: () => Readable): Promise<RawSendInfo>;
  close(): void;
};

type Waiting = {
  envelope: RawEnvelope;
  message: () => Readable;
  resolve: (info: RawSendInfo) => void;
  reject: (error: unknown) => void;
};

type Slot = { connection: SMTPConnection | null; busy: boolean; sent: number };

type SmtpError = Error & { code?: string; responseCode?: number };

/**
 * Messages already encoded go straight to SMTP over a few kept-open connections (nodemailer's
 * documented SMTPConnection), without nodemailer's per-message MIME and pipeline work
 * (docs/fanout-performance.md, "Sending encoded messages"). The rules for a failed send are
 * nodemailer's pool's: a refused envelope or message resets the session and keeps the connection;
 * a reused connection the server closed before a byte of the message left is retried once on a
 * new one; any other failure closes the connection and is the caller's to classify.
 */
export function createRawSmtpPool(smtpUrl: string, opts: RawSmtpPoolOptions): RawSmtpPool {
  const { auth, ...parsed } = parseConnectionUrl(smtpUrl) as SMTPConnection.Options & {
    auth?: SMTPConnection.Credentials;
  };
  const options: SMTPConnection.Options = {
    ...parsed,
    connectionTimeout: opts.connectionTimeout,
    greetingTimeout: opts.greetingTimeout,
    socketTimeout: opts.socketTimeout,
  };
  const slots: Slot[] = Array.from({ length: opts.maxConnections }, () => ({
    connection: null,
    busy: false,
    sent: 0,
  }));
  const queue: Waiting[] = [];
  let closed = false;

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.busy) continue;
      slot.busy = true;
      void run(slot, queue.shift()!, true);
    }
  };

  const release = (slot: Slot) => {
    slot.busy = false;
    pump();
  };

  const drop = (slot: Slot) => {
    const connection = slot.connection;
    slot.connection = null;
    slot.sent = 0;
    connection?.close();
  };

  const run = async (slot: Slot, job: Waiting, mayRetry: boolean): Promise<void> => {
    let connection: SMTPConnection;
    try {
      connection = slot.connection ?? (await open(slot));
    } catch (error) {
      job.reject(error);
      release(slot);
      return;
    }
    const reused = slot.sent > 0;
    const stream = job.message();
    connection.send(job.envelope, stream, (error, info) => {
      slot.sent += 1;
      if (!error) {
        job.resolve({ response: String(info.response ?? "") });
        release(slot);
        return;
      }
      const e = error as SmtpError;
      if (mayRetry && reused && !stream.readableDidRead && isTransient(e)) {
        // The server had closed this idle connection: nothing of the message left, so it goes again.
        drop(slot);
        void run(slot, job, false);
        return;
      }
      if ((e.code === "EENVELOPE" || e.code === "EMESSAGE") && e.responseCode !== 421 && slot.connection) {
        job.reject(error);
        connection.reset((resetError) => {
          if (resetError) drop(slot);
          release(slot);
        });
        return;
      }
      stream.destroy();
      drop(slot);
      job.reject(error);
      release(slot);
    });
  };

  const open = (slot: Slot): Promise<SMTPConnection> =>
    new Promise((resolve, reject) => {
      const connection = new SMTPConnection(options);
      // Socket errors also reach the pending command's callback; without a listener they would throw.
      connection.on("error", () => undefined);
      connection.once("end", () => {
        if (slot.connection === connection) {
          slot.connection = null;
          slot.sent = 0;
        }
      });
      connection.connect((error) => {
        if (error) {
          connection.close();
          reject(error);
          return;
        }
        const ready = () => {
          if (closed) {
            connection.close();
            reject(Object.assign(new Error("SMTP pool closed"), { code: "ECONNECTION" }));
            return;
          }
          slot.connection = connection;
          slot.sent = 0;
          resolve(connection);
        };
        if (!auth) return ready();
        connection.login(auth, (loginError) => {
          if (loginError) {
            connection.close();
            reject(loginError);
            return;
          }
          ready();
        });
      });
    });

  return {
    send(envelope, message) {
      if (closed)
        return Promise.reject(Object.assign(new Error("SMTP pool closed"), { code: "ECONNECTION" }));
      const { promise, resolve, reject } = Promise.withResolvers<RawSendInfo>();
      queue.push({ envelope, message, resolve, reject });
      pump();
      return promise;
    },
    close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(Object.assign(new Error("SMTP pool closed"), { code: "ECONNECTION" }));
      }
      for (const slot of slots) {
        const connection = slot.connection;
        slot.connection = null;
        if (connection && !slot.busy) connection.quit();
        else connection?.close();
      }
    },
  };
}

/** A lost connection or timeout, or 421 (the server is closing the channel): not the message's fault. */
function isTransient(error: SmtpError): boolean {
  return (
    error.responseCode === 421 ||
    error.code === "ECONNECTION" ||
    error.code === "ESOCKET" ||
    error.code === "ETIMEDOUT"
  );
}

/** One attempt's bytes of an encoded message. */
export function messageStream(raw: Buffer): Readable {
  return Readable.from([raw], { objectMode: false });
}
