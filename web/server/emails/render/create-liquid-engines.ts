import { Liquid } from "liquidjs";
import type { Context } from "liquidjs";
import { formatEmailDate } from "./format-email-date.ts";
import { RENDER_BUDGET_MS } from "./render-limits.ts";
import type { DateStyle } from "./format-email-date.ts";

export interface LiquidEngines {
  /** Escapes every output; `| raw` opts out (only the layout uses it, for the body). */
  html: Liquid;
  /** No escaping: subjects and plain-text parts are not HTML. */
  text: Liquid;
}

// Merchant-edited templates are semi-trusted input, so the engines are locked down: an
// empty in-memory template map keeps `include`/`render`/`layout` off the file system, and
// the limits bound the CPU and memory one template can take. They only run in render
// threads (render-thread.ts), where each call gets what is left of the render's budget.
const sharedOptions = {
  strictFilters: true,
  ownPropertyOnly: true,
  templates: {},
  cache: false,
  parseLimit: 200_000,
  renderLimit: RENDER_BUDGET_MS,
  memoryLimit: 1_000_000,
} as const;

function registerFilters(liquid: Liquid): void {
  liquid.registerFilter(
    "format_date",
    function (this: { context: Context }, value: unknown, style?: unknown) {
      const locale = this.context.getSync(["locale"]);
      const dateStyle: DateStyle = style === "long" ? "long" : "short";
      return formatEmailDate(value, typeof locale === "string" ? locale : "en", dateStyle) ?? "";
    },
  );
}

export function createLiquidEngines(): LiquidEngines {
  const html = new Liquid({ ...sharedOptions, outputEscape: "escape" });
  const text = new Liquid({ ...sharedOptions });
  registerFilters(html);
  registerFilters(text);
  return { html, text };
}
