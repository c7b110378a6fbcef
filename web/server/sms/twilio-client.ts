export const TWILIO_API_ORIGIN = "https://api.twilio.com";

export type TwilioAccount = {
  baseUrl: string | null;
  accountSid: string;
  authToken: string;
  fromNumber: string | null;
  messagingServiceSid: string | null;
};

export type TwilioSendResult =
  | { ok: true; sid: string; status: string }
  | { ok: false; permanent: boolean; code: number | null; message: string };

// Twilio error codes that no retry can fix: invalid or unsubscribed recipient, bad sender.
const PERMANENT_CODES = new Set([21211, 21408, 21610, 21612, 21614, 21606, 21659, 21660]);

/**
 * POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, basic auth SID:token
 * (docs/sms.md). 2xx: the message SID. 4xx with a known permanent code, or 400/401/403/404:
 * permanent; 429, 5xx and network errors: transient (the job retries).
 */
export async function sendTwilioMessage(
  account: TwilioAccount,
  message: { to: string; body: string; statusCallback: string | null },
  timeoutMs = 15_000,
): Promise<TwilioSendResult> {
  const form = new URLSearchParams({ To: message.to, Body: message.body });
  if (account.messagingServiceSid) form.set("MessagingServiceSid", account.messagingServiceSid);
  else if (account.fromNumber) form.set("From", account.fromNumber);
  if (message.statusCallback) form.set("StatusCallback", message.statusCallback);
  const url = `${(account.baseUrl ?? TWILIO_API_ORIGIN).replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: form.toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, permanent: false, code: null, message: `twilio unreachable: ${String(error)}` };
  }
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && typeof json?.sid === "string") {
    return { ok: true, sid: json.sid, status: typeof json.status === "string" ? json.status : "queued" };
  }
  const code = typeof json?.code === "number" ? json.code : null;
  const permanent =
    (code !== null && PERMANENT_CODES.has(code)) || [400, 401, 403, 404].includes(response.status);
  const text = typeof json?.message === "string" ? json.message : `HTTP ${response.status}`;
  return {
    ok: false,
    permanent,
    code,
    message: `twilio ${response.status}${code ? ` ${code}` : ""}: ${text}`,
  };
}
