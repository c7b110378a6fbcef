// The settings form over /api/settings and /api/locations (shapes in web/contract/).
import type { LocationsResponse, SettingsResponse } from "../../../../contract/api-responses.ts";

export type Settings = SettingsResponse["settings"];
/** Who emails come from now, and what to publish in DNS. */
export type Sending = SettingsResponse["sending"];
export type LocationRow = LocationsResponse["locations"][number];

const NUMBER_FIELDS = [
  "restockThreshold",
  "waveMultiplier",
  "waveWindowMinutes",
  "attributionWindowDays",
  "sendRatePerSecond",
  "discountExpiryDays",
  "orderReconcileMinutes",
  "webhookBodyRetentionDays",
  "alertExpiryDays",
] as const;
const OPTIONAL_NUMBER_FIELDS = ["defaultLeadTimeDays", "defaultBackorderCap", "reminderAfterHours"] as const;
const LIST_FIELDS = ["priorityCustomerTags", "priorityOrderTags", "alternativeProductIds"] as const;
const TEXT_FIELDS = ["senderName", "replyTo", "senderEmail"] as const;

type Numeric = (typeof NUMBER_FIELDS)[number] | (typeof OPTIONAL_NUMBER_FIELDS)[number] | "discountValue";
type Listed = (typeof LIST_FIELDS)[number];

/** The form keeps numbers and lists as typed text; they become values (or a field error) on save. */
export type SettingsForm = Omit<Settings, "updatedAt" | Numeric | Listed | (typeof TEXT_FIELDS)[number]> &
  Record<Numeric | Listed | (typeof TEXT_FIELDS)[number], string>;

export function toForm(s: Settings): SettingsForm {
  const { updatedAt: _updatedAt, ...rest } = s;
  const form = { ...rest } as Record<string, unknown>;
  for (const key of NUMBER_FIELDS) form[key] = String(s[key]);
  for (const key of OPTIONAL_NUMBER_FIELDS) form[key] = s[key] === null ? "" : String(s[key]);
  for (const key of LIST_FIELDS) form[key] = s[key].join(", ");
  for (const key of TEXT_FIELDS) form[key] = s[key] ?? "";
  form.discountValue = String(s.discountValue);
  return form as SettingsForm;
}

// Empty or not a number is sent as NaN, which JSON turns into null: the server answers a field error.
const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
const list = (v: string) =>
  v
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** What PUT /api/settings receives; the server validates ranges and answers 422 with fieldErrors. */
export function fromForm(f: SettingsForm): Record<string, unknown> {
  const body: Record<string, unknown> = { ...f };
  for (const key of NUMBER_FIELDS) body[key] = num(f[key]);
  for (const key of OPTIONAL_NUMBER_FIELDS) body[key] = f[key].trim() === "" ? null : num(f[key]);
  for (const key of LIST_FIELDS) body[key] = list(f[key]);
  for (const key of TEXT_FIELDS) body[key] = f[key].trim() || null;
  body.discountValue = num(f.discountValue);
  return body;
}
