import type { Logger } from "pino";
import type { EmailContext } from "../templates/variables.ts";
import { TemplateRenderError } from "./render-failure.ts";
import { defaultRef, type RenderPool } from "./render-pool.ts";
import type { TemplateRef } from "./render-task.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import type { RenderedEmail, TemplateKind } from "./template-kinds.ts";

/**
 * One (kind, locale) template, parsed once per render thread; `render` only personalises, so a
 * fan-out to thousands of subscribers parses nothing per recipient.
 */
export interface PreparedTemplate<K extends TemplateKind = TemplateKind> {
  readonly kind: K;
  readonly locale: SupportedLocale;
  readonly origin: "default" | "override";
  render(context: EmailContext<K>): Promise<RenderedEmail>;
}

/**
 * A template rendered by the pool. A merchant's override that fails on a real context (it passed
 * with the sample when saved: a render or memory limit, a filter given data it cannot take) would
 * fail the same way on every retry, so that customer gets the built-in template of the locale, and
 * the log says why. One over the render budget is not tried again for this prepared template: each
 * try would cost a render thread the whole budget.
 */
export function prepareTemplate<K extends TemplateKind>(
  pool: RenderPool,
  template: TemplateRef & { kind: K },
  logger?: Pick<Logger, "warn">,
): PreparedTemplate<K> {
  const fallback = defaultRef(template.kind, template.locale);
  let overBudget = false;
  return {
    kind: template.kind,
    locale: template.locale,
    origin: template.origin,
    async render(context) {
      if (template.origin !== "override" || overBudget)
        return pool.render(overBudget ? fallback : template, context);
      try {
        return await pool.render(template, context);
      } catch (error) {
        if (!(error instanceof TemplateRenderError)) throw error;
        const { code } = error.failure;
        if (code === "too_slow" || code === "too_large") overBudget = true;
        logger?.warn(
          { kind: template.kind, locale: template.locale, err: error },
          "email template override failed to render; sending the built-in template",
        );
        return pool.render(fallback, context);
      }
    },
  };
}
