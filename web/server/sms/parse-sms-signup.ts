import { AppError } from "../errors.ts";
import { normalizePhone } from "./phone-number.ts";
import type { SignupChannels } from "./sms-settings-repository.ts";

export type SmsSignupFields = { phone?: unknown; sms_consent?: unknown; country?: unknown };

/**
 * Which contacts a notify-me signup gives, under the shop's channel setting (pure): the email
 * (already normalised, or null), and the phone in E.164 only with the explicit SMS consent box
 * ticked. Throws a 422 naming the field otherwise; nothing is stored then.
 */
export function decideSignupContacts(
  channels: SignupChannels,
  smsOn: boolean,
  email: string | null,
  fields: SmsSignupFields,
): { email: string | null; phone: string | null } {
  const rawPhone = typeof fields.phone === "string" ? fields.phone.trim() : "";
  const allowPhone = smsOn && channels !== "email";
  const allowEmail = channels !== "phone" || !smsOn;
  const fail = (field: string, message: string): never => {
    throw new AppError("unprocessable", "invalid fields", { fieldErrors: { [field]: [message] } });
  };
  if (email !== null && !allowEmail) fail("email", "this shop sends alerts by text message only");
  let phone: string | null = null;
  if (rawPhone !== "") {
    if (!allowPhone) fail("phone", "this shop does not send text messages");
    const country = typeof fields.country === "string" ? fields.country.toUpperCase() : null;
    phone = normalizePhone(rawPhone, country) ?? fail("phone", "invalid phone number");
    if (fields.sms_consent !== true) fail("sms_consent", "tick the box to agree to text messages");
  }
  if (email === null && phone === null) fail(allowEmail ? "email" : "phone", "required");
  return { email, phone };
}
