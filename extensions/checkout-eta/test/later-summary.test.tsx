// Renders the delivery summary (purchase.checkout.shipping-option-list.render-after).
import { describe, expect, it } from "vitest";
import type { EtaCartLine, EtaMetafieldEntry, ReadableSignal, SettingValue } from "../src/api/eta-api.ts";
import type { AvailabilityState } from "../src/availability/create-availability-store.ts";
import { LaterSummary } from "../src/ui/later-summary.tsx";
import {
  availabilityOf,
  cartLine,
  fakeSummaryApi,
  NO_STOCK_DATA,
  NOW,
  VARIANT_A,
  VARIANT_B,
  VARIANT_C,
  variantMetafields,
} from "./helpers/fake-api.ts";
import type { Locale } from "./helpers/fake-i18n.ts";
import { findAll, renderTree, visibleTexts } from "./helpers/render-tree.ts";

const lineA = cartLine(VARIANT_A, 2);
const lineB = cartLine(VARIANT_B, 3);
const lineC = cartLine(VARIANT_C, 1);
const metafields = [
  ...variantMetafields(VARIANT_A, { backordered: "true", eta: "2026-12-12" }),
  ...variantMetafields(VARIANT_B, { backordered: "false", eta: "2027-01-05" }),
];

interface Case {
  lines?: EtaCartLine[];
  metafields?: EtaMetafieldEntry[];
  availability?: ReadableSignal<AvailabilityState>;
  locale?: Locale;
  settings?: Record<string, SettingValue>;
  groups?: string[][];
}

function show(c: Case): string[] {
  const api = fakeSummaryApi(c.lines ?? [lineA, lineB, lineC], {
    metafields: c.metafields ?? metafields,
    locale: c.locale,
    settings: c.settings,
    groups: c.groups,
  });
  return visibleTexts(
    <LaterSummary api={api} availability={c.availability ?? NO_STOCK_DATA} now={() => NOW} />,
  );
}

describe("delivery summary", () => {
  it.each<[string, Case, string[]]>([
    ["one backordered line", {}, ["2 items ship later, the last by Dec 12"]],
    [
      "a partial line adds its later units and a later date",
      { availability: availabilityOf({ [VARIANT_A]: 0, [VARIANT_B]: 1 }) },
      ["4 items ship later, the last by Jan 5, 2027"],
    ],
    ["a single unit", { lines: [cartLine(VARIANT_A, 1)] }, ["1 item ships later, by Dec 12"]],
    [
      "a later line without an ETA: no last date",
      { metafields: [...metafields, ...variantMetafields(VARIANT_C, { backordered: "true", eta: "bad" })] },
      ["3 items ship later"],
    ],
    ["nothing backordered", { metafields: variantMetafields(VARIANT_A, { backordered: "false" }) }, []],
    ["no metafields", { metafields: [] }, []],
    ["hidden by the merchant", { settings: { show_summary: false } }, []],
    [
      "custom wording",
      { settings: { summary_text: "{count} pieces follow, last on {date}" } },
      ["2 pieces follow, last on Dec 12"],
    ],
    ["waits for stock reads", { availability: availabilityOf({}, [VARIANT_B]) }, []],
    ["only this delivery group's lines", { groups: [[lineB.id, lineC.id]] }, []],
    ["French", { locale: "fr" }, ["2 articles expédiés plus tard, le dernier d’ici le 12 déc."]],
    [
      "German",
      { locale: "de", lines: [cartLine(VARIANT_A, 1)] },
      ["1 Artikel wird später versandt, bis 12. Dez."],
    ],
    ["Spanish", { locale: "es" }, ["2 artículos se enviarán más tarde, el último antes del 12 dic"]],
  ])("%s", (_, c, expected) => {
    expect(show(c)).toEqual(expected);
  });

  it("shows the summary in an info banner", () => {
    const api = fakeSummaryApi([lineA], { metafields });
    const tree = renderTree(<LaterSummary api={api} availability={NO_STOCK_DATA} now={() => NOW} />);
    expect(findAll(tree, "s-banner").map((banner) => banner.props.tone)).toEqual(["info"]);
  });
});
