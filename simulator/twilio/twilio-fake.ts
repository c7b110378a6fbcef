import { createHmac, randomBytes } from "node:crypto";

/** A message the fake accepted, as Twilio's Message resource names its fields. */
export type FakeSms = {
  sid: string;
  account_sid: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: string;
  status_callback: string | null;
  date_created: string;
};

export type FakeInbound = {
  from: string;
  to: string;
  body: string;
  url: string;
  status: number;
  reply: string;
};

/**
 * The state of the simulator's Twilio stand-in (docs/sms.md): accounts it knows, messages sent,
 * numbers that replied STOP, and where each Twilio number posts replies. Callbacks and replies are
 * signed with X-Twilio-Signature as Twilio signs them.
 */
export function createTwilioFake(now: () => Date) {
  const accounts = new Map<string, string>();
  const messages: FakeSms[] = [];
  const inbound: FakeInbound[] = [];
  const stopped = new Set<string>(); // "from|to"
  const inboundUrls = new Map<string, { url: string; accountSid: string }>();
  const pending = new Set<Promise<unknown>>();

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  };

  async function post(url: string, token: string, params: Record<string, string>): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signTwilio(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(10_000),
    });
  }

  return {
    accounts,
    messages,
    inbound,
    addAccount(sid: string, token: string) {
      accounts.set(sid, token);
    },
    /** Where replies to `number` are posted (the number's "A message comes in" webhook). */
    setInboundUrl(number: string, accountSid: string, url: string) {
      inboundUrls.set(number, { url, accountSid });
    },
    isStopped: (from: string, to: string) => stopped.has(`${to}|${from}`),
    accept(message: Omit<FakeSms, "sid" | "status" | "date_created">): FakeSms {
      const sms: FakeSms = {
        ...message,
        sid: `SM${randomBytes(16).toString("hex")}`,
        status: "queued",
        date_created: now().toUTCString(),
      };
      messages.push(sms);
      if (sms.status_callback) {
        const token = accounts.get(sms.account_sid)!;
        const callback = sms.status_callback;
        track(
          (async () => {
            for (const status of ["sent", "delivered"]) {
              sms.status = status;
              await post(callback, token, {
                AccountSid: sms.account_sid,
                MessageSid: sms.sid,
                SmsSid: sms.sid,
                MessageStatus: status,
                SmsStatus: status,
                To: sms.to,
                From: sms.from ?? "",
              }).catch(() => undefined);
            }
          })(),
        );
      } else sms.status = "delivered";
      return sms;
    },
    /** The handset `from` texts `body` to the Twilio number `to`. STOP is also honoured by the fake itself. */
    async reply(from: string, to: string, body: string): Promise<FakeInbound> {
      const target = inboundUrls.get(to);
      if (!target) throw new Error(`no inbound webhook set for ${to}`);
      const word = body.trim().toUpperCase();
      if (["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"].includes(word))
        stopped.add(`${to}|${from}`);
      if (["START", "UNSTOP", "YES"].includes(word)) stopped.delete(`${to}|${from}`);
      const params = {
        AccountSid: target.accountSid,
        MessageSid: `SM${randomBytes(16).toString("hex")}`,
        From: from,
        To: to,
        Body: body,
        NumMedia: "0",
      };
      const response = await track(post(target.url, accounts.get(target.accountSid) ?? "", params));
      const record = {
        from,
        to,
        body,
        url: target.url,
        status: response.status,
        reply: await response.text(),
      };
      inbound.push(record);
      return record;
    },
    settle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type TwilioFake = ReturnType<typeof createTwilioFake>;

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 (auth token) of the URL and the sorted parameters. */
export function signTwilio(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac("sha1", token).update(data, "utf8").digest("base64");
}
