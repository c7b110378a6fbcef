// Twilio's default opt-out, opt-in and help keywords (docs/sms.md), matched on the whole message.
const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START = new Set(["START", "UNSTOP", "YES"]);
const HELP = new Set(["HELP", "INFO"]);

/** What an inbound reply asks for. Pure. */
export function classifyInbound(body: string): "stop" | "start" | "help" | "other" {
  const word = body
    .trim()
    .replace(/[.!]+$/, "")
    .toUpperCase();
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  if (HELP.has(word)) return "help";
  return "other";
}
