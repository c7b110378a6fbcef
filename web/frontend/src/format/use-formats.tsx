import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ShopResponse } from "../../../contract/api-responses.ts";
import { useApi } from "../api/use-api.ts";
import { createFormats, type Formats } from "./format.ts";

const FormatsContext = createContext<Formats>(createFormats());

/** The page's number, money and date formats (format/format.ts). */
export function useFormats(): Formats {
  return useContext(FormatsContext);
}

/**
 * Formats in the admin's locale, with the shop's currency and time zone once GET /api/shop answers
 * (until then, and if it fails, the browser's time zone and no default currency).
 */
export function ShopFormatsProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const { data } = useApi<ShopResponse>("/shop");
  const currency = data?.shop.currency;
  const timeZone = data?.shop.timezone;
  const formats = useMemo(() => createFormats({ locale, currency, timeZone }), [locale, currency, timeZone]);
  return <FormatsContext.Provider value={formats}>{children}</FormatsContext.Provider>;
}
