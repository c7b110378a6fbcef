import type { Logger } from "pino";
import type { EmailContext } from "../templates/variables.ts";
import { prepareTemplate } from "./prepare-template.ts";
import type { PreparedTemplate } from "./prepare-template.ts";
import { defaultRef, overrideRef, type RenderPool } from "./render-pool.ts";
import { resolveLocale } from "./resolve-locale.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import type { RenderedEmail, TemplateKind, TemplateSource } from "./template-kinds.ts";

export interface EmailRendererOptions {
  /** The process's render threads: every parse and render happens there. */
  pool: RenderPool;
  /** The shop's edited template for a kind and resolved locale, or null to use the default. */
  loadOverride?: (kind: TemplateKind, locale: SupportedLocale) => Promise<TemplateSource | null>;
  logger?: Pick<Logger, "warn">;
}

export interface EmailRenderer {
  render<K extends TemplateKind>(
    kind: K,
    locale: string | null | undefined,
    context: EmailContext<K>,
  ): Promise<RenderedEmail>;
  prepare<K extends TemplateKind>(kind: K, locale: string | null | undefined): Promise<PreparedTemplate<K>>;
}

export function createEmailRenderer(options: EmailRendererOptions): EmailRenderer {
  const { pool, logger } = options;
  // Defaults never change at runtime: one prepared template each per renderer (the render
  // threads keep them parsed). Overrides are read each time: a merchant's edit must show up
  // in the next email.
  const defaults = new Map<string, PreparedTemplate>();

  function preparedDefault<K extends TemplateKind>(kind: K, locale: SupportedLocale): PreparedTemplate<K> {
    const key = `${kind}:${locale}`;
    let cached = defaults.get(key);
    if (!cached) {
      cached = prepareTemplate(pool, defaultRef(kind, locale), logger);
      defaults.set(key, cached);
    }
    return cached as PreparedTemplate<K>;
  }

  async function prepare<K extends TemplateKind>(
    kind: K,
    requestedLocale: string | null | undefined,
  ): Promise<PreparedTemplate<K>> {
    const locale = resolveLocale(requestedLocale);
    const override = options.loadOverride ? await options.loadOverride(kind, locale) : null;
    if (!override) return preparedDefault(kind, locale);
    const ref = overrideRef(kind, locale, override);
    const failure = await pool.check(ref);
    if (failure) {
      // Overrides are validated when saved; one that no longer parses (e.g. after a
      // liquidjs upgrade) must not stop the customer's email, so the default goes out.
      logger?.warn({ kind, locale, failure }, "email template override does not parse; using default");
      return preparedDefault(kind, locale);
    }
    return prepareTemplate(pool, { ...ref, kind }, logger);
  }

  return {
    prepare,
    async render(kind, locale, context) {
      const prepared = await prepare(kind, locale);
      return prepared.render(context);
    },
  };
}
