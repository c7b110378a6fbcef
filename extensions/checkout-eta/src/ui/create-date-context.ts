import type { EtaApiBase } from "../api/eta-api.ts";
import { formatEtaDate, pickDateLocale, todayIn } from "../eta/format-eta-date.ts";

export interface DateContext {
  readonly today: string;
  format(eta: string): string;
}

export function createDateContext(api: EtaApiBase, now: Date): DateContext {
  const { language, extensionLanguage, timezone } = api.localization;
  const locale = pickDateLocale(language.value.isoCode, extensionLanguage.value.isoCode);
  const today = todayIn(now, timezone?.value);
  return { today, format: (eta) => formatEtaDate(eta, locale, today) };
}
