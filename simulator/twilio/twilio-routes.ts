import express, { type Request, type Response } from "express";
import type { TwilioFake } from "./twilio-fake.ts";

const E164 = /^\+[1-9]\d{6,14}$/;

function error(res: Response, status: number, code: number, message: string) {
  res.status(status).json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/**
 * Twilio's Messages API as the simulator plays it: POST (form-encoded, basic auth SID:token)
 * creates a message, GET lists them. Errors keep Twilio's JSON shape and codes (20003 bad
 * credentials, 21211 invalid To, 21604 no Body, 21606/21603 no sender, 21610 recipient replied STOP).
 */
export function createTwilioRoutes(fake: TwilioFake): express.Router {
  const router = express.Router();
  const auth = (req: Request, res: Response): string | null => {
    const sid = String(req.params.accountSid);
    const header = req.get("authorization") ?? "";
    const [user, pass] = Buffer.from(header.replace(/^Basic /, ""), "base64")
      .toString()
      .split(":");
    if (!header.startsWith("Basic ") || user !== sid || fake.accounts.get(sid) !== pass) {
      error(res, 401, 20003, "Authenticate");
      return null;
    }
    return sid;
  };
  router.post(
    "/2010-04-01/Accounts/:accountSid/Messages.json",
    express.urlencoded({ extended: false, limit: "64kb" }),
    (req, res) => {
      const sid = auth(req, res);
      if (!sid) return;
      const body = (req.body ?? {}) as Record<string, string>;
      const from = body.From ?? null;
      const service = body.MessagingServiceSid ?? null;
      if (!body.To || !E164.test(body.To))
        return error(res, 400, 21211, `The 'To' number ${body.To ?? ""} is not a valid phone number.`);
      if (!body.Body) return error(res, 400, 21602, "Message body is required.");
      if (!from && !service)
        return error(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
      if (from && fake.isStopped(body.To, from))
        return error(res, 400, 21610, "Attempt to send to unsubscribed recipient");
      const sms = fake.accept({
        account_sid: sid,
        to: body.To,
        from,
        messaging_service_sid: service,
        body: body.Body,
        status_callback: body.StatusCallback ?? null,
      });
      res.status(201).json({ ...sms, status: "queued", num_segments: "1", error_code: null });
    },
  );
  router.get("/2010-04-01/Accounts/:accountSid/Messages.json", (req, res) => {
    const sid = auth(req, res);
    if (!sid) return;
    res.json({ messages: fake.messages.filter((m) => m.account_sid === sid).toReversed() });
  });
  return router;
}
