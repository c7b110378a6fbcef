// /api/settings and /api/locations (web/server/settings/).

export type Settings = {
  countedLocationIds: string[];
  restockThreshold: number;
  waveMultiplier: number;
  waveWindowMinutes: number;
  doubleOptIn: boolean;
  keepSubscribed: boolean;
  attributionWindowDays: number;
  senderName: string | null;
  replyTo: string | null;
  sendRatePerSecond: number;
  orderTag: string;
  defaultLeadTimeDays: number | null;
  emailBackorderConfirmation: boolean;
  emailEtaChanged: boolean;
  emailBackorderReady: boolean;
  updatedAt: string;
};

export type LocationRow = { id: string; name: string; active: boolean; counted: boolean };

/** The form keeps numbers as typed text; they become numbers (or a field error) on save. */
export type SettingsForm = Omit<
  Settings,
  | "updatedAt"
  | "restockThreshold"
  | "waveMultiplier"
  | "waveWindowMinutes"
  | "attributionWindowDays"
  | "sendRatePerSecond"
  | "defaultLeadTimeDays"
  | "senderName"
  | "replyTo"
> & {
  restockThreshold: string;
  waveMultiplier: string;
  waveWindowMinutes: string;
  attributionWindowDays: string;
  sendRatePerSecond: string;
  defaultLeadTimeDays: string;
  senderName: string;
  replyTo: string;
};

export function toForm(s: Settings): SettingsForm {
  return {
    ...s,
    restockThreshold: String(s.restockThreshold),
    waveMultiplier: String(s.waveMultiplier),
    waveWindowMinutes: String(s.waveWindowMinutes),
    attributionWindowDays: String(s.attributionWindowDays),
    sendRatePerSecond: String(s.sendRatePerSecond),
    defaultLeadTimeDays: s.defaultLeadTimeDays === null ? "" : String(s.defaultLeadTimeDays),
    senderName: s.senderName ?? "",
    replyTo: s.replyTo ?? "",
  };
}

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

/** What PUT /api/settings receives; the server validates ranges and answers field errors. */
export function fromForm(f: SettingsForm): Record<string, unknown> {
  return {
    countedLocationIds: f.countedLocationIds,
    restockThreshold: num(f.restockThreshold),
    waveMultiplier: num(f.waveMultiplier),
    waveWindowMinutes: num(f.waveWindowMinutes),
    doubleOptIn: f.doubleOptIn,
    keepSubscribed: f.keepSubscribed,
    attributionWindowDays: num(f.attributionWindowDays),
    senderName: f.senderName.trim() || null,
    replyTo: f.replyTo.trim() || null,
    sendRatePerSecond: num(f.sendRatePerSecond),
    orderTag: f.orderTag,
    defaultLeadTimeDays: f.defaultLeadTimeDays.trim() === "" ? null : num(f.defaultLeadTimeDays),
    emailBackorderConfirmation: f.emailBackorderConfirmation,
    emailEtaChanged: f.emailEtaChanged,
    emailBackorderReady: f.emailBackorderReady,
  };
}
