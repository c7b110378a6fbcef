import type { SmsSettings } from "@prisma/client";
import type { Config } from "../config.ts";
import type { Db } from "../db/create-prisma.ts";
import { decryptToken, encryptToken } from "../shopify/sessions/token-cipher.ts";
import type { TwilioAccount } from "./twilio-client.ts";

export type SignupChannels = "email" | "phone" | "both";

/** What the admin reads: never the auth token, only whether one is stored. */
export type SmsSettingsView = Omit<SmsSettings, "authTokenEncrypted" | "shopId" | "updatedAt"> & {
  signupChannels: SignupChannels;
  authTokenSet: boolean;
};

const DEFAULTS: Omit<SmsSettings, "shopId" | "updatedAt"> = {
  enabled: false,
  signupChannels: "email",
  consentText:
    "I agree to receive one text message when this item is back in stock. Msg & data rates may apply. Reply STOP to opt out.",
  accountSid: null,
  authTokenEncrypted: null,
  fromNumber: null,
  messagingServiceSid: null,
  baseUrl: null,
  quietStartMinute: null,
  quietEndMinute: null,
};

export async function loadSmsSettings(db: Db, shopId: string): Promise<Omit<SmsSettings, "updatedAt">> {
  const row = await db.smsSettings.findUnique({ where: { shopId } });
  return row ?? { shopId, ...DEFAULTS };
}

export function viewSmsSettings(row: Omit<SmsSettings, "updatedAt">): SmsSettingsView {
  const { authTokenEncrypted, shopId: _shopId, ...rest } = row as SmsSettings;
  delete (rest as Partial<SmsSettings>).updatedAt;
  return {
    ...rest,
    signupChannels: rest.signupChannels as SignupChannels,
    authTokenSet: authTokenEncrypted !== null,
  };
}

export type SmsSettingsUpdate = Partial<Omit<SmsSettings, "shopId" | "updatedAt" | "authTokenEncrypted">> & {
  /** A new auth token (plain); null clears it; absent keeps it. */
  authToken?: string | null;
};

export async function updateSmsSettings(
  db: Db,
  config: Pick<Config, "tokenKeys">,
  shopId: string,
  update: SmsSettingsUpdate,
): Promise<Omit<SmsSettings, "updatedAt">> {
  const { authToken, ...fields } = update;
  const data = {
    ...fields,
    ...(authToken === undefined
      ? {}
      : { authTokenEncrypted: authToken === null ? null : encryptToken(config.tokenKeys, authToken) }),
  };
  return db.smsSettings.upsert({
    where: { shopId },
    create: { shopId, ...DEFAULTS, ...data },
    update: data,
  });
}

/** The shop's Twilio account when SMS is on and fully configured, else null (nothing is sent). */
export function twilioAccountOf(
  settings: Omit<SmsSettings, "updatedAt">,
  config: Pick<Config, "tokenKeys">,
): TwilioAccount | null {
  if (!settings.enabled || !settings.accountSid || !settings.authTokenEncrypted) return null;
  if (!settings.fromNumber && !settings.messagingServiceSid) return null;
  return {
    baseUrl: settings.baseUrl,
    accountSid: settings.accountSid,
    authToken: decryptToken(config.tokenKeys, settings.authTokenEncrypted),
    fromNumber: settings.fromNumber,
    messagingServiceSid: settings.messagingServiceSid,
  };
}
