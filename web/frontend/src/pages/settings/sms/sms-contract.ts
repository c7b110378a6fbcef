// /api/sms-settings and /api/sms-templates (web/server/sms/sms-api-routes.ts).
export type SmsSettings = {
  enabled: boolean;
  signupChannels: "email" | "phone" | "both";
  consentText: string;
  accountSid: string | null;
  authTokenSet: boolean;
  fromNumber: string | null;
  messagingServiceSid: string | null;
  baseUrl: string | null;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
};

export type SmsTemplate = {
  kind: string;
  locale: string;
  body: string;
  custom: boolean;
};

/** "22:00" for 1320; "" for none. */
export function formatMinute(minute: number | null): string {
  if (minute === null) return "";
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** 1320 for "22:00"; null for "" or anything that is not HH:MM. */
export function parseMinute(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
