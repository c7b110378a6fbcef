import type { EtaI18n } from "../api/eta-api.ts";
import { fillTemplate, hasPlaceholder } from "./fill-template.ts";

export interface LineNoticeInput {
  readonly quantity: number;
  readonly laterUnits: number;
  /** a usable (not past) ETA */
  readonly eta: string | undefined;
  /** the variant's merchant message */
  readonly message: string | undefined;
  /** the merchant's custom wording from the extension settings */
  readonly lineText: string | undefined;
}

/**
 * Merchant wording, if it can be filled: a `{date}` placeholder with no known date
 * would print "ships by " with nothing after it, so the translated text wins then.
 */
function merchantText(template: string | undefined, date: string | undefined): string | undefined {
  if (template === undefined) return undefined;
  if (hasPlaceholder(template, "date") && date === undefined) return undefined;
  return fillTemplate(template, date === undefined ? {} : { date });
}

/** Texts to show under a cart line, first the notice; empty when the line ships now. */
export function composeLineNotice(
  input: LineNoticeInput,
  t: EtaI18n["translate"],
  formatDate: (eta: string) => string,
): string[] {
  const { quantity, laterUnits, eta } = input;
  if (laterUnits <= 0) return [];
  const date = eta === undefined ? undefined : formatDate(eta);
  if (laterUnits >= quantity) {
    const custom = merchantText(input.message, date) ?? merchantText(input.lineText, date);
    if (custom !== undefined) return [custom];
    return [date === undefined ? t("line.backorderedNoDate") : t("line.backordered", { date })];
  }
  const partial =
    date === undefined
      ? t("line.partialNoDate", { count: laterUnits, quantity })
      : t("line.partial", { count: laterUnits, quantity, date });
  // The merchant's message explains the delay; the count comes first because it is
  // what differs from a fully backordered line.
  const message = merchantText(input.message, date);
  return message === undefined ? [partial] : [partial, message];
}
