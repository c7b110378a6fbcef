import type { TFunction } from "i18next";
import type { Formats } from "../../format/format.ts";
import type { LiquidError } from "./emails-contract.ts";

/**
 * Why a template did not render, in the admin's language (the server's `sentence`, worded from the
 * catalogs' emails.liquid.*). A message liquidjs wrote is quoted as it is inside the sentence.
 */
export function liquidErrorText(error: LiquidError, t: TFunction, f: Formats): string {
  const { key, values } = error.sentence;
  switch (key) {
    case "tooSlow":
      return t("emails.liquid.tooSlow", { ms: f.number(values.ms) });
    case "tooLong":
      return t("emails.liquid.tooLong", { max: f.number(values.max) });
    case "tooLarge":
      return t("emails.liquid.tooLarge");
    case "emptySubject":
      return t("emails.liquid.emptySubject");
    case "unknownTag":
      return t("emails.liquid.unknownTag", { name: values.name });
    case "unknownFilter":
      return t("emails.liquid.unknownFilter", { name: values.name });
    case "notClosed":
      return t("emails.liquid.notClosed", { name: values.name });
    case "invalid":
      return t("emails.liquid.invalid", { detail: values.detail });
  }
}
