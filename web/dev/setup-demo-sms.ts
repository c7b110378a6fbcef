import type { Simulator } from "../../simulator/simulator-types.ts";

// The playground's Twilio account at the simulator's stand-in (not a real account).
const DEMO_SID = `AC${"de".repeat(16)}`;
const DEMO_TOKEN = "playground-twilio-token";
const DEMO_FROM = "+15005550006";

/**
 * Points the demo shop's SMS channel at the simulator (Settings → SMS shows it): the fake knows
 * the account, replies to the demo number reach the app's inbound webhook, and the app's settings
 * are saved through its own API, as the merchant would.
 */
export async function setupDemoSms(input: { sim: Simulator; appUrl: string; shop: string }): Promise<void> {
  input.sim.twilio.addAccount(DEMO_SID, DEMO_TOKEN);
  const headers = {
    Authorization: `Bearer ${await input.sim.mintSessionToken({ shop: input.shop })}`,
    "Content-Type": "application/json",
  };
  const current = await fetch(`${input.appUrl}/api/sms-settings`, { headers });
  if (!current.ok) throw new Error(`reading the demo SMS settings failed: HTTP ${current.status}`);
  const { settings, inboundUrl } = (await current.json()) as {
    settings: { accountSid: string | null };
    inboundUrl: string;
  };
  input.sim.twilio.setInboundUrl(DEMO_FROM, DEMO_SID, inboundUrl);
  if (settings.accountSid) return; // set before (or changed by the merchant): kept
  const res = await fetch(`${input.appUrl}/api/sms-settings`, {
    method: "PUT",
    headers,
    body: JSON.stringify({
      enabled: true,
      signupChannels: "both",
      accountSid: DEMO_SID,
      authToken: DEMO_TOKEN,
      fromNumber: DEMO_FROM,
      baseUrl: input.sim.origin,
    }),
  });
  if (!res.ok) throw new Error(`saving the demo SMS settings failed: HTTP ${res.status}`);
}
